import { databaseSecret } from '../database-secret';

/**
 * The secret behind the export's pseudonymous ids: PSEUDONYM_SECRET when set (so several
 * databases can share ids), otherwise a random 256-bit value made once per database and kept in
 * `settings`.
 */
export function pseudonymSecret(): Promise<string> {
  const fromEnv = process.env.PSEUDONYM_SECRET?.trim();
  if (fromEnv) return Promise.resolve(fromEnv);
  return databaseSecret('pseudonym_secret');
}
