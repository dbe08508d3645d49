import type { id_capaian } from './id.capaian';

/** English strings of the capaian area (spread into en.ts). */
export const en_capaian: typeof id_capaian = {
};
