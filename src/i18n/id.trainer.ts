/** Bahasa Indonesia strings of the trainer area (spread into id.ts). */
export const id_trainer = {
};
