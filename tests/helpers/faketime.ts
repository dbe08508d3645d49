import { existsSync } from 'node:fs';

/**
 * Debian's libfaketime wrapper (apt-get install -y faketime); FAKETIME_PATH overrides. `npm test`
 * runs the vitest suite a second time through it with the clock a year ahead, so a test that
 * compares a fixed date with something written "now" fails today, not on some later morning.
 */
export function faketimePath(): string {
  return process.env.FAKETIME_PATH || '/usr/bin/faketime';
}

export function faketimeInstalled(): boolean {
  return existsSync(faketimePath());
}

/** How far ahead the second run's clock is: more than a year, so yearly boundaries are crossed too. */
export const CLOCK_AHEAD = '+400d';
