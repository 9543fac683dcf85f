import { dropLeftoverTestDatabases } from './postgres.ts';

export default async function setup(): Promise<void> {
  await dropLeftoverTestDatabases();
}
