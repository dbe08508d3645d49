import type { id_trainer } from './id.trainer';

/** English strings of the trainer area (spread into en.ts). */
export const en_trainer: typeof id_trainer = {
};
