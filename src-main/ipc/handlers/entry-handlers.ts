import type { HandlerContext, HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';
import type { BulkHooks } from '../../worksets/bulk/bulk-service.js';

type EntryChannels = 'entries.get' | 'entries.edit' | 'entries.create' | 'entries.revert' | 'entries.history' | 'entries.targets' | 'bulk.preview' | 'bulk.run' | 'bulk.cancel' | 'bulk.pause' | 'bulk.undo' | 'bulk.resume' | 'bulk.list';

/** Reading and writing entries, one at a time or in bulk; writes are announced to all windows. */
export function entryHandlers(deps: HandlerDeps): Pick<HandlerTable, EntryChannels> {
  const { entries, bulk, bus } = deps;
  const hooks = (ctx: HandlerContext, taskId: string | undefined, kind: 'bulk' | 'undo'): BulkHooks => ({
    window: ctx.windowId,
    onProgress: (p) => {
      if (taskId) ctx.emit('progress', { taskId, kind, phase: p.phase, done: p.done, total: p.total });
    },
    onWritten: (dictionary, guids) => {
      if (guids.length > 0) bus.broadcast('entries-changed', { dictionary, guids, origin: ctx.windowId });
    },
  });
  return {
    'entries.get': (ctx, args) => entries.get(ctx.session, args.dictionary, args.guid),
    'entries.edit': async (ctx, args) => {
      // A Conflict (stale version) propagates as it is: its details carry the current entry.
      const detail = await entries.edit(ctx.session, args.dictionary, args.guid, args.version, args.edit, ctx.windowId);
      if (detail.version !== args.version) bus.broadcast('entries-changed', { dictionary: args.dictionary, guids: [args.guid], origin: ctx.windowId });
      return detail;
    },
    'entries.create': async (ctx, args) => {
      const created = await entries.create(ctx.session, args.dictionary, { lang: args.lang, headword: args.headword, gloss: args.gloss }, ctx.windowId);
      bus.broadcast('entries-changed', { dictionary: args.dictionary, guids: [created.view.guid], origin: ctx.windowId });
      return created;
    },
    // A Conflict carries the current entry and the later change; the window may ask to force it.
    'entries.revert': async (ctx, args) => {
      const detail = await entries.revert(ctx.session, args.dictionary, args.seq, { force: args.force, window: ctx.windowId });
      if (detail.change !== undefined) bus.broadcast('entries-changed', { dictionary: args.dictionary, guids: [detail.view.guid], origin: ctx.windowId });
      return detail;
    },
    'entries.history': (ctx, args) => entries.history(ctx.session, args.dictionary, args.guid),
    'entries.targets': (ctx, args) => entries.targets(ctx.session, args.dictionary, args.refs),
    'bulk.preview': (ctx, args) => bulk.preview(ctx.session, args.worksetId, args.op, hooks(ctx, args.taskId, 'bulk'), args.guids),
    'bulk.run': (ctx, args) => bulk.run(ctx.session, args.operationId, hooks(ctx, args.taskId, 'bulk')),
    'bulk.cancel': (ctx, args) => bulk.cancel(ctx.session, args.operationId),
    'bulk.pause': (ctx, args) => bulk.pause(ctx.session, args.operationId),
    'bulk.undo': (ctx, args) => bulk.undo(ctx.session, args.operationId, hooks(ctx, args.taskId, 'undo')),
    'bulk.resume': (ctx, args) => bulk.resume(ctx.session, args.operationId, hooks(ctx, args.taskId, 'bulk')),
    'bulk.list': (ctx, args) => bulk.list(ctx.session, { worksetId: args.worksetId, states: args.state }),
  };
}
