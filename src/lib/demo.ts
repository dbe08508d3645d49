/**
 * The demo accounts that `npm start` seeds (db/seed.ts) all have ids beginning "demo-": pages mark
 * them, so nobody mistakes sample data for a real seller's.
 */
export const isDemoAccount = (userId: string): boolean => userId.startsWith('demo-');
