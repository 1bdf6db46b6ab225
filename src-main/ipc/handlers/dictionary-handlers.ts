import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isImportWouldReplace } from '../../domain/dictionaries.js';
import { restoreBackup } from '../../lift/backups.js';
import { checkDatabaseName } from '../../lift/database-names.js';
import { LiftError } from '../../lift/errors.js';
import { listDictionaries } from '../../lift/dictionaries.js';
import { exportLift } from '../../lift/export.js';
import { exportAsOneFile } from '../../lift/export-download.js';
import { importLift } from '../../lift/import.js';
import { dictionaryVocabulary } from '../../lift/vocabulary.js';
import { restoreCuration } from '../../worksets/curation-restore.js';
import { AppError } from '../../domain/app-error.js';
import type { HandlerContext, HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type DictionaryChannels = 'dictionaries.list' | 'dictionaries.import' | 'dictionaries.restore' | 'dictionaries.restoreCuration' | 'dictionaries.export' | 'dictionaries.vocabulary' | 'uploads.begin' | 'uploads.chunk';

/**
 * Dictionaries in and out: import from an upload or a picked path, export, the pickers' vocabulary.
 *
 * A path from the renderer is used only when this window's own file dialog gave it
 * (deps.grants); anything else is refused, so no page can make the app read or overwrite a
 * file the user did not choose. Without a path, an export goes into the data folder's exports/ as one file to download: the
 * .lift, or a .zip of it and its .lift-ranges.
 */
export function dictionaryHandlers(deps: HandlerDeps): Pick<HandlerTable, DictionaryChannels> {
  const granted = (ctx: HandlerContext, file: string, purpose: 'import' | 'export'): string => {
    if (deps.grants.take(ctx.windowId, file, purpose)) return file;
    const how = purpose === 'import' ? 'pick it with “Import LIFT…” or drop it on the window' : 'choose it in the “Export…” dialog';
    throw new AppError('Invalid', `refused to ${purpose === 'import' ? 'read' : 'write'} ${file}: this window did not choose that file in a file dialog (${how})`);
  };
  return {
    'dictionaries.list': (ctx) => listDictionaries(ctx.session),
    'dictionaries.import': async (ctx, args) => {
      if ((args.file === undefined) === (args.uploadId === undefined)) throw new AppError('Invalid', 'import needs either a file path or an upload id');
      if (args.rangesUploadId !== undefined && args.uploadId === undefined) throw new AppError('Invalid', 'an uploaded ranges file goes with an uploaded .lift file');
      // Refused over an existing dictionary, the window asks the user and sends the same file again.
      let again = false;
      try {
        const file = args.file !== undefined ? granted(ctx, args.file, 'import') : deps.uploads.liftWithRanges(args.uploadId ?? '', args.rangesUploadId);
        const result = await importLift(ctx.session, file, {
          database: args.database,
          replace: args.replace,
          change: { author: deps.author, window: ctx.windowId },
          onProgress: (p) => {
            if (args.taskId) ctx.emit('progress', { taskId: args.taskId, kind: 'import', phase: p.phase, done: p.bytesSent, total: p.totalBytes });
          },
        }).catch((error: unknown) => {
          again = error instanceof LiftError && isImportWouldReplace(error.details);
          if (again && args.file !== undefined) deps.grants.grant(ctx.windowId, file, 'import');
          throw error;
        });
        deps.bus.broadcast('dictionaries-changed', { name: result.database, origin: ctx.windowId });
        return result;
      } finally {
        if (args.uploadId && !again) deps.uploads.discard(args.uploadId);
        if (args.rangesUploadId && !again) deps.uploads.discard(args.rangesUploadId);
      }
    },
    'dictionaries.restore': async (ctx, args) => {
      const outcome = await restoreBackup(ctx.session, args.database, { author: deps.author, window: ctx.windowId });
      deps.bus.broadcast('dictionaries-changed', { name: args.database, origin: ctx.windowId });
      return outcome;
    },
    // The curation an imported file carried, made worksets again (the import said how many there are).
    'dictionaries.restoreCuration': async (ctx, args) => {
      const restored = await restoreCuration(ctx.session, args.database, { author: deps.author, window: ctx.windowId, op: 'workset', field: 'create' });
      for (const workset of restored) deps.bus.broadcast('worksets-changed', { dictionary: args.database, worksetId: workset.id, origin: ctx.windowId });
      return restored;
    },
    'dictionaries.export': async (ctx, args) => {
      checkDatabaseName(args.database);
      const options = { withCuration: args.withCuration };
      if (args.file !== undefined) return exportLift(ctx.session, args.database, granted(ctx, args.file, 'export'), options);
      const exports = join(deps.dataFolder, 'exports');
      mkdirSync(exports, { recursive: true });
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      return exportAsOneFile(ctx.session, args.database, exports, stamp, options);
    },
    'dictionaries.vocabulary': (ctx, args) => dictionaryVocabulary(ctx.session, args.database),
    'uploads.begin': async (_, args) => ({ uploadId: deps.uploads.begin(args.fileName, args.size) }),
    'uploads.chunk': async (_, args) => ({ received: deps.uploads.chunk(args.uploadId, args.base64) }),
  };
}
