/** Bahasa Indonesia strings of the capaian area (spread into id.ts). */
export const id_capaian = {
};
