import type { HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type DuplicateChannels = 'duplicates.find' | 'duplicates.separate' | 'duplicates.preview' | 'duplicates.merge' | 'duplicates.undo';

/** Candidate duplicates, "not duplicates", and merging them with its preview and undo; merges are announced to all windows. */
export function duplicateHandlers(deps: HandlerDeps): Pick<HandlerTable, DuplicateChannels> {
  const { duplicates, merges, bus } = deps;
  return {
    'duplicates.find': (ctx, args) => duplicates.find(ctx.session, args.dictionary),
    'duplicates.separate': (ctx, args) => duplicates.separate(ctx.session, args.dictionary, args.guids, ctx.windowId),
    'duplicates.preview': (ctx, args) => merges.preview(ctx.session, args.dictionary, args),
    'duplicates.merge': async (ctx, args) => {
      const outcome = await merges.merge(ctx.session, args.dictionary, args, { versions: args.versions, window: ctx.windowId });
      bus.broadcast('entries-changed', { dictionary: args.dictionary, guids: [...outcome.touched], origin: ctx.windowId });
      return outcome;
    },
    'duplicates.undo': (ctx, args) =>
      merges.undo(ctx.session, args.operationId, {
        window: ctx.windowId,
        onWritten: (dictionary, guids) => {
          if (guids.length > 0) bus.broadcast('entries-changed', { dictionary, guids, origin: ctx.windowId });
        },
      }),
  };
}
