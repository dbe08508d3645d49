/**
 * `npm start`: migrate, seed an empty database, build when the build is missing or older than
 * the sources, then serve on HOST:PORT (default localhost:4321).
 */
import { DEMO } from '@db/seed';
import { buildIfStale, SERVER_ENTRY } from './build-freshness';
import { prepareDatabase } from './prepare-db';

const { url, seeded } = await prepareDatabase();
console.log(`Database: ${url}${seeded ? ' (demo data added)' : ''}`);

if (!buildIfStale('Building Melek (first start or sources changed)…')) process.exit(1);

const host = process.env.HOST || 'localhost';
const port = process.env.PORT || '4321';
process.env.HOST = host;
process.env.PORT = port;
process.env.MELEK_QUIET = '1';
await import(SERVER_ENTRY);
console.log(`
Melek is running: http://${host}:${port}

Demo accounts (phone / password):
  trainer   ${DEMO.trainer.phone} / ${DEMO.trainer.password}
  mentors   ${DEMO.mentors.map((m) => m.phone).join(', ')} / ${DEMO.mentors[0].password}
  learners  ${DEMO.learners[0].phone} … ${DEMO.learners[DEMO.learners.length - 1].phone} / ${DEMO.learnerPassword}
  join code ${DEMO.cohort.joinCode} (register page)
`);
