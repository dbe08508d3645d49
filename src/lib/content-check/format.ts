import type { CheckResult } from './check';
import type { Problem } from './types';

/** The report `npm run content:check` prints: one line per problem, then a short summary. */
export function formatProblem(p: Problem): string {
  const mark = p.severity === 'error' ? '✗' : '⚠';
  return p.line > 0 ? `${mark} ${p.file}:${p.line} — Baris ${p.line}: ${p.message}` : `${mark} ${p.file} — ${p.message}`;
}

export function formatReport(result: CheckResult, folder: string): string {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const lines = result.problems.map(formatProblem);
  const checked =
    `${result.lessons} pelajaran dan ${result.modules} modul di ${folder}/` + (result.examples ? `, ditambah ${result.examples} contoh di README.md` : '');
  if (lines.length) lines.push('');
  if (errors) {
    lines.push(`Diperiksa: ${checked}.`);
    lines.push(
      `✗ ${errors} kesalahan harus diperbaiki${warnings ? `, dan ${warnings} saran (⚠) boleh diperbaiki nanti` : ''}. Perbaiki, lalu jalankan lagi: npm run content:check`,
    );
  } else {
    lines.push(`Diperiksa: ${checked}.`);
    lines.push(`✓ Tidak ada kesalahan.${warnings ? ` Ada ${warnings} saran (⚠) yang boleh diperbaiki nanti.` : ''}`);
  }
  return lines.join('\n');
}
