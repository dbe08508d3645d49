/** Bahasa Indonesia strings of the report area (spread into id.ts). */
export const id_report = {
};
