import type { Dictionary } from '../../../i18n/id';
import type { ImportProblem } from './roster-import';
import type { RosterField, RowRefusal } from './roster-plan';

/** Words for the import report: what a whole-file problem or a refused row says, in the UI language. */

export function fieldLabel(field: RosterField, d: Dictionary): string {
  const labels: Record<RosterField, string> = {
    name: d.trFieldName,
    phone: d.trFieldPhone,
    businessName: d.trFieldBusinessName,
    businessType: d.trFieldBusinessType,
    kecamatan: d.trFieldKecamatan,
  };
  return labels[field];
}

export function refusalText(refusal: RowRefusal, d: Dictionary): string {
  switch (refusal.kind) {
    case 'nameEmpty':
      return d.trReasonNameEmpty;
    case 'tooLong':
      return d.trReasonTooLong(fieldLabel(refusal.field, d), refusal.max);
    case 'phoneEmpty':
      return d.trReasonPhoneEmpty;
    case 'phoneInvalid':
      return d.trReasonPhoneInvalid;
    case 'phoneForeign':
      return d.trReasonPhoneForeign;
    case 'phoneDuplicate':
      return d.trReasonDuplicate(refusal.firstRow);
    case 'phoneTaken':
      return refusal.inThisCohort ? d.trReasonTakenHere : d.trReasonTaken;
  }
}

/** The message of a problem that stopped the whole import (nothing was written). */
export function problemText(problem: ImportProblem, d: Dictionary): string {
  switch (problem.kind) {
    case 'cohortUnknown':
      return d.cohortUnknown;
    case 'mentorUnknown':
      return d.mentorUnknown;
    case 'notAMentor':
      return d.notAMentor;
    case 'noInput':
      return d.trImportNoInput;
    case 'uploadExpired':
      return d.trImportUploadExpired;
    case 'bothInputs':
      return d.trImportBoth;
    case 'tooLarge':
      return d.trImportTooLarge(Math.round(problem.maxBytes / (1024 * 1024)));
    case 'binary':
      return d.trImportBinary;
    case 'empty':
      return d.trImportEmpty;
    case 'noRows':
      return d.trImportNoRows;
    case 'malformed':
      return d.trImportMalformed(problem.row);
    case 'tooManyRows':
      return d.trImportTooManyRows(problem.rows, problem.max);
    case 'missingColumns':
      return d.trImportMissingColumns(problem.missing.map((f) => fieldLabel(f, d)).join(', '));
    case 'duplicateColumn':
      return d.trImportDuplicateColumn(fieldLabel(problem.field, d), problem.headers.map((h) => `"${h}"`).join(', '));
    case 'conflict':
      return d.trImportConflict;
  }
}
