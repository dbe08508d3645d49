import { createHmac } from 'node:crypto';

/**
 * Pseudonymous ids for exports: the first 12 hex digits (48 bits) of HMAC-SHA256(secret, user id).
 * The same person gets the same id in every export made with the same secret, so evaluators can
 * join files; without the secret the id cannot be traced back to the account or its phone number.
 */
export const PSEUDONYM_HEX = 12;

export function pseudonymOf(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex').slice(0, PSEUDONYM_HEX);
}

/** A memoizing pseudonymizer: one HMAC per distinct id however many rows mention it. */
export function pseudonymizer(secret: string): (userId: string | null | undefined) => string {
  const cache = new Map<string, string>();
  return (userId) => {
    if (!userId) return '';
    let id = cache.get(userId);
    if (id === undefined) {
      id = pseudonymOf(secret, userId);
      cache.set(userId, id);
    }
    return id;
  };
}
