import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listDictionaries } from '../../lift/dictionaries.js';
import { exportLift } from '../../lift/export.js';
import { importLift } from '../../lift/import.js';
import { dictionaryVocabulary } from '../../lift/vocabulary.js';
import { AppError } from '../app-error.js';
import type { HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type DictionaryChannels = 'dictionaries.list' | 'dictionaries.import' | 'dictionaries.export' | 'dictionaries.vocabulary' | 'uploads.begin' | 'uploads.chunk';

/** Dictionaries in and out: import from a path or an upload, export, the pickers' vocabulary. */
export function dictionaryHandlers(deps: HandlerDeps): Pick<HandlerTable, DictionaryChannels> {
  return {
    'dictionaries.list': (ctx) => listDictionaries(ctx.session),
    'dictionaries.import': async (ctx, args) => {
      if ((args.file === undefined) === (args.uploadId === undefined)) throw new AppError('Invalid', 'import needs either a file path or an upload id');
      const file = args.file ?? deps.uploads.complete(args.uploadId ?? '');
      try {
        const result = await importLift(ctx.session, file, {
          database: args.database,
          onProgress: (p) => {
            if (args.taskId) ctx.emit('progress', { taskId: args.taskId, kind: 'import', phase: p.phase, done: p.bytesSent, total: p.totalBytes });
          },
        });
        deps.bus.broadcast('dictionaries-changed', { name: result.database, origin: ctx.windowId });
        return result;
      } finally {
        if (args.uploadId) deps.uploads.discard(args.uploadId);
      }
    },
    'dictionaries.export': async (ctx, args) => {
      const exports = join(deps.dataFolder, 'exports');
      mkdirSync(exports, { recursive: true });
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      return exportLift(ctx.session, args.database, args.file ?? join(exports, `${args.database}-${stamp}.lift`));
    },
    'dictionaries.vocabulary': (ctx, args) => dictionaryVocabulary(ctx.session, args.database),
    'uploads.begin': async (_, args) => ({ uploadId: deps.uploads.begin(args.fileName, args.size) }),
    'uploads.chunk': async (_, args) => ({ received: deps.uploads.chunk(args.uploadId, args.base64) }),
  };
}
