/** Bahasa Indonesia strings of the mentor area (spread into id.ts). */
export const id_mentor = {
};
