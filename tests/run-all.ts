/**
 * `npm test`: checks the content, the types and the lint rules, builds the app, then runs the unit and integration tests (vitest) twice — at the real
 * time and with the clock 400 days ahead (libfaketime), so no test or demo row depends on the
 * calendar — and the end-to-end tests (Playwright in Debian's Chromium). Stops at the first failing stage.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromiumInstalled, chromiumPath } from './helpers/chromium';
import { CLOCK_AHEAD, faketimeInstalled, faketimePath } from './helpers/faketime';
import { ROOT } from './helpers/server';

if (!chromiumInstalled()) {
  console.error(`
Chromium tidak ditemukan di ${chromiumPath()} — the end-to-end tests need Debian's Chromium.
Install it with:   sudo apt-get update && sudo apt-get install -y chromium
(or point CHROMIUM_PATH at another Chromium binary), then run npm test again.
`);
  process.exit(1);
}
if (!faketimeInstalled()) {
  console.error(`
faketime tidak ditemukan di ${faketimePath()} — npm test runs the suite a second time with the clock
a year ahead, so that no test depends on today's date. Install it with:
  sudo apt-get update && sudo apt-get install -y faketime
(or point FAKETIME_PATH at another faketime binary), then run npm test again.
`);
  process.exit(1);
}

// The second run proves something only if its clock really moved: check on a bare node first.
const faked = spawnSync(faketimePath(), ['-f', CLOCK_AHEAD, process.execPath, '-e', 'process.stdout.write(String(Date.now()))'], { encoding: 'utf8' });
const aheadDays = (Number(faked.stdout) - Date.now()) / 86_400_000;
if (!(aheadDays > 365)) {
  console.error(`faketime did not move Node's clock (${faked.stdout || faked.stderr}): the time-travel run would prove nothing.`);
  process.exit(1);
}

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const stages: Array<[string, string, string[]]> = [
  ['content check (npm run content:check)', bin('tsx'), ['src/cli/content-check.ts']],
  // Types and Astro templates: zero errors and zero warnings (hints are advice).
  ['types (astro check)', bin('astro'), ['check', '--minimumFailingSeverity', 'warning']],
  ['lint (npm run lint: ESLint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format (npm run lint: Prettier)', bin('prettier'), ['--check', '.']],
  ['build', bin('astro'), ['build']],
  ['unit + integration (vitest)', bin('vitest'), ['run']],
  // Installing and building happen at the real time (downloads check certificates' dates); only the tests move.
  [`unit + integration with the clock ${CLOCK_AHEAD} ahead (faketime)`, faketimePath(), ['-f', CLOCK_AHEAD, bin('vitest'), 'run']],
  ['end-to-end (Playwright, Chromium 360×740)', bin('playwright'), ['test']],
];

const timings: string[] = [];
for (const [name, command, args] of stages) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    console.error(`\nnpm test: stage "${name}" failed.`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\nnpm test: all stages passed.\n${timings.map((t) => `  ${t}`).join('\n')}`);
