import type { id_h5p } from './id.h5p';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`
    : `${new Intl.NumberFormat('en-GB').format(Math.max(1, Math.round(bytes / 1024)))} KB`;

const ext = (path: string) => {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? `.${base.slice(dot + 1).toLowerCase()}` : 'without an extension';
};

/** English strings of the h5p area (spread into en.ts). */
export const en_h5p: typeof id_h5p = {
  h5pSize: size,

  h5pProblem: (p) => {
    switch (p.code) {
      case 'empty':
        return 'The file is empty (0 bytes). Choose a proper .h5p file.';
      case 'tooLarge':
        return `The file is too large: more than ${size(p.max)} (limit H5P_MAX_UPLOAD).`;
      case 'notZip':
        return 'This file is not an H5P package: it is not a zip archive.';
      case 'zipCorrupt':
        return `The zip archive is damaged and cannot be read (${p.detail}).`;
      case 'tooManyEntries':
        return `The package holds ${p.count} files and folders, more than the limit of ${p.max} (H5P_MAX_ENTRIES).`;
      case 'unsafePath':
        return {
          parent: `The file name "${p.path}" uses ".." to leave the package folder.`,
          absolute: `The file name "${p.path}" is an absolute path (starts with "/" or a drive letter).`,
          backslash: `The file name "${p.path}" contains a backslash (\\).`,
          empty: `The file name "${p.path}" is incomplete (an empty or "." part).`,
          chars: `The file name "${p.path}" contains characters that are not allowed.`,
          long: `The file name "${p.path}" is too long.`,
        }[p.reason];
      case 'link':
        return `"${p.path}" is a link (symlink), not a plain file.`;
      case 'specialFile':
        return `"${p.path}" is not a plain file.`;
      case 'extension':
        return `The file "${p.path}" is not allowed: type ${ext(p.path)} is not on H5P's list${p.inLibrary ? '' : ' (.js and .css only inside a library folder)'}.`;
      case 'duplicate':
        return `The file "${p.path}" appears twice in the zip.`;
      case 'encrypted':
        return `The file "${p.path}" is password-protected.`;
      case 'ratio':
        return `The file "${p.path}" is compressed abnormally (${p.ratio}:1, limit ${p.max}:1, H5P_MAX_RATIO): a sign of a zip bomb.`;
      case 'tooBig':
        return `The package holds more than ${size(p.max)} once extracted (limit H5P_MAX_BYTES).`;
      case 'sizeMismatch':
        return `The contents of "${p.path}" are larger or smaller than the zip says (a damaged zip or a zip bomb).`;
      case 'missingFile':
        return `The required file "${p.path}" is missing from the package.`;
      case 'badJson':
        return `"${p.path}" is not valid JSON.`;
      case 'missingField':
        return `"${p.path}": the field "${p.field}" is missing or wrong.`;
      case 'mainNotPreloaded':
        return `h5p.json: mainLibrary "${p.library}" is not listed in preloadedDependencies.`;
      case 'missingLibrary':
        return `The required library ${p.library} is missing from the package (folder "${p.folder}/" with a library.json).`;
      case 'libraryMismatch':
        return `"${p.folder}/library.json": ${p.field} does not match the folder name.`;
      case 'missingPreloaded':
        return `The file "${p.path}" of library ${p.library} is missing from the package.`;
      case 'badFolder':
        return `The folder "${p.path}" may not be at the top of the package: only h5p.json, content/ and library folders named "MachineName-major.minor" (e.g. "H5P.TrueFalse-1.6").`;
      case 'badLanguageFile':
        return `The language file "${p.path}" is wrong: it must be named language/<code>.json (e.g. language/id.json) and hold valid JSON.`;
      case 'coreApi':
        return `Library ${p.library} needs H5P core ${p.required}, but Melek's player supports ${p.supported}. Export it again with an older version of the library.`;
      case 'idInvalid':
        return `The ID "${p.id}" cannot be used: lowercase letters, digits and hyphens only, at most 60 characters.`;
      case 'idTaken':
        return `The ID "${p.id}" is already used by "${p.title}". Choose another ID, or delete that activity first.`;
    }
  },

  h5pUnknownContent: 'This interactive activity does not exist in Melek.',
  h5pBackToLesson: 'Back to the lesson',
  h5pNotInLesson: 'This interactive activity is not part of that lesson.',
  h5pScoreInvalid: 'The score of this interactive activity does not match its highest possible score. It was not saved.',

  h5pCardKind: 'Interactive activity',
  h5pLoad: 'Load',
  h5pLoadLabel: (title, bytes) => `Load the activity "${title}" (± ${size(bytes)})`,
  h5pCardHint: 'Loaded only when you tap Load.',
  h5pLoading: 'Loading the activity…',
  h5pLoaded: 'The activity is ready. Answer it below.',
  h5pLoadFailed: 'The activity could not be loaded. Check your signal, then reload the page.',
  h5pSaving: 'Saving your result…',
  h5pSaved: 'Saved',
  h5pSavedScore: 'Saved: score {score} of {max}.',
  h5pSaveFailed: 'Your result was not saved. Check your signal, then answer again.',
  h5pPreview: 'Trainer preview: results are not saved.',
  h5pMissing: 'This interactive activity is not available yet.',
  h5pMissingTrainer: (id) => `The activity "${id}" has not been imported. Import its package on the H5P page with this ID.`,
  h5pFrameTitle: (title) => `Interactive activity: ${title}`,

  h5pPlayerNeedsJs: 'This interactive activity needs JavaScript. Turn JavaScript on in your browser, or continue with the rest of the lesson.',
  h5pPlayerFailed: 'The activity could not be loaded. Try reloading.',
  h5pPlayerAlone: 'Opened on its own page: your score is not saved. Open it from the lesson page to save your score.',
  h5pPlayerNotFound: 'This activity does not exist (it may have been deleted).',

  h5pTrainerTitle: 'H5P activities',
  h5pTrainerIntro: 'Import .h5p packages (from h5p.org or made with an H5P editor such as Lumi), then place them in a lesson with <H5P id="…" />.',
  h5pTrainerLink: 'H5P activities',
  h5pUploadTitle: 'Import an H5P package',
  h5pFileLabel: '.h5p file',
  h5pFileHint: (max) => `At most ${size(max)}.`,
  h5pIdLabel: 'Activity ID (optional)',
  h5pIdHint: 'Lowercase letters, digits and hyphens. Empty: made from the title.',
  h5pUploadButton: 'Import',
  h5pNoFile: 'Choose an .h5p file first.',
  h5pImported: (title, id) => `"${title}" was imported with the ID ${id}.`,
  h5pDuplicate: (title, id) => `This package was imported before: "${title}" with the ID ${id}. Nothing was added.`,
  h5pRefused: 'Package refused, nothing was saved:',
  h5pListTitle: 'Imported activities',
  h5pListEmpty: 'No H5P activities yet.',
  h5pColTitle: 'Title',
  h5pColId: 'ID',
  h5pColSize: 'Learner download',
  h5pColLibrary: 'Type',
  h5pColImported: 'Imported',
  h5pEmbedCode: 'Code for the lesson',
  h5pOpen: 'Try',
  h5pDelete: 'Delete',
  h5pDeleteLabel: (title) => `Delete the activity "${title}"`,
  h5pDeleted: (title) => `"${title}" was deleted. Learners' results are kept.`,
  h5pNotFound: 'Activity not found.',

  h5pCliUsage: 'Usage: npm run h5p:import -- <file.h5p> [--id <id>] [--replace]',
  h5pCliNoFile: (path) => `The file "${path}" was not found.`,
  h5pCliImported: (title, id, bytes, folder) =>
    `Done: "${title}" imported with the ID ${id} (learner download ± ${size(bytes)}, folder ${folder}).\nPlace it in a lesson with: <H5P id="${id}" />`,
  h5pCliReplaced: (title, id) => `Activity ${id} replaced with the new package "${title}".`,
  h5pCliDuplicate: (title, id) => `This package already exists: "${title}" with the ID ${id}. Nothing was added.`,
  h5pCliRefused: (file, reason) => `Package "${file}" refused: ${reason}\nNo file or data was saved.`,
};
