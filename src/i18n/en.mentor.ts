import type { id_mentor } from './id.mentor';

/** English strings of the mentor area (spread into en.ts). */
export const en_mentor: typeof id_mentor = {
};
