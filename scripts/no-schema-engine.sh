#!/bin/sh
# Stand-in for Prisma's native schema engine. `prisma generate` never runs it, but without an
# existing executable here the CLI tries to download one, which fails offline.
echo "the native schema engine is not used in this project: see src/db/migrations.ts" >&2
exit 1
