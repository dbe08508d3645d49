import { db } from '@db/client';
import pkg from '../../../package.json';

export const VERSION: string = pkg.version;

/** True when the database answers a trivial query within a second. */
export async function databaseReachable(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([db().$client.execute('SELECT 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
