/** Bahasa Indonesia strings of the h5p area (spread into id.ts). */
export const id_h5p = {
};
