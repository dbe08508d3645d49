import { startServer } from '../helpers/server';

/** One built server with the demo data for the whole Playwright run; tests use fresh phones when they register. */
export default async function globalSetup() {
  const server = await startServer();
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATABASE_URL = server.databaseUrl;
  process.env.E2E_DATA_DIR = server.dataDir;
  return async () => server.stop();
}
