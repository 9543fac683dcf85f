import path from 'node:path';

/** The project root, the same from `src/` under tsx and from `dist/` when built. */
export const projectRoot = path.resolve(import.meta.dirname, '..');
export const prismaDir = path.join(projectRoot, 'prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const localesDir = path.join(projectRoot, 'locales');
export const seedDir = path.join(projectRoot, 'data', 'seed');
