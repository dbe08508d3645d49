import type { id_h5p } from './id.h5p';

/** English strings of the h5p area (spread into en.ts). */
export const en_h5p: typeof id_h5p = {
};
