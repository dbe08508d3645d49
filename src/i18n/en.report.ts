import type { id_report } from './id.report';

/** English strings of the report area (spread into en.ts). */
export const en_report: typeof id_report = {
};
