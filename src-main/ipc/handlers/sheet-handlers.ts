import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exportSheet, sheetFormat } from '../../worksets/sheets/sheet-export.js';
import { importSheet } from '../../worksets/sheets/sheet-import.js';
import { readSheet } from '../../worksets/sheets/sheet-table.js';
import { undoSheetImport } from '../../worksets/sheets/sheet-undo.js';
import type { SheetCellChange } from '../../domain/sheets.js';
import type { HandlerContext, HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type SheetChannels = 'sheets.export' | 'sheets.import' | 'sheets.undo';

/**
 * A workset as a spreadsheet: the export goes into the data folder's exports/ (the browser host
 * offers it as a download, as a dictionary export); an import comes as the file's bytes, is
 * previewed, then applied; its undo reverts the records the import answered.
 */
export function sheetHandlers(deps: HandlerDeps): Pick<HandlerTable, SheetChannels> {
  const services = { store: deps.store, worksets: deps.worksets, entries: deps.entries };
  const announce = async (ctx: HandlerContext, worksetId: number, changes: readonly Pick<SheetCellChange, 'guid'>[]): Promise<void> => {
    if (changes.length === 0) return;
    const dictionary = await deps.worksets.dictionaryOf(ctx.session, worksetId);
    const guids = [...new Set(changes.map((c) => c.guid))];
    deps.bus.broadcast('entries-changed', { dictionary, guids, origin: ctx.windowId });
    deps.bus.broadcast('worksets-changed', { dictionary, worksetId, guids, origin: ctx.windowId });
  };
  return {
    'sheets.export': async (ctx, args) => {
      const exports = join(deps.dataFolder, 'exports');
      mkdirSync(exports, { recursive: true });
      const name = (await deps.worksets.get(ctx.session, args.worksetId)).name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'workset';
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      return exportSheet(ctx.session, deps.store, deps.worksets, args.worksetId, join(exports, `${name}-${stamp}.${args.format}`), args.columns);
    },
    'sheets.import': async (ctx, args) => {
      const table = await readSheet(Buffer.from(args.base64, 'base64'), sheetFormat(args.fileName));
      const result = await importSheet(ctx.session, services, args.worksetId, table, { apply: args.apply, window: ctx.windowId });
      if (result.applied) await announce(ctx, args.worksetId, result.changes);
      return result;
    },
    'sheets.undo': async (ctx, args) => {
      const dictionary = await deps.worksets.dictionaryOf(ctx.session, args.worksetId);
      const result = await undoSheetImport(ctx.session, services, dictionary, args.records, ctx.windowId);
      await announce(ctx, args.worksetId, result.guids.map((guid) => ({ guid })));
      return result;
    },
  };
}
