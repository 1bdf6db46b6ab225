import { validateQuery } from '../../worksets/query/validate.js';
import type { HandlerContext, HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type WorksetChannels =
  | 'worksets.list' | 'worksets.get' | 'worksets.create' | 'worksets.validate' | 'worksets.rename' | 'worksets.delete'
  | 'worksets.page' | 'worksets.refresh' | 'worksets.setStatus' | 'worksets.setFavourite' | 'worksets.setNotes'
  | 'worksets.navigate' | 'worksets.progress' | 'worksets.assign' | 'worksets.setQuery' | 'worksets.duplicate';

/** Worksets and their work lists; every change is announced to the other windows. */
export function worksetHandlers(deps: HandlerDeps): Pick<HandlerTable, WorksetChannels> {
  const { worksets, bus } = deps;
  const changed = (ctx: HandlerContext, dictionary: string, worksetId?: number, guids?: string[]): void =>
    bus.broadcast('worksets-changed', { dictionary, worksetId, guids, origin: ctx.windowId });
  const curated = async <T extends { guid: string }>(ctx: HandlerContext, id: number, entry: T): Promise<T> => {
    changed(ctx, await worksets.dictionaryOf(ctx.session, id), id, [entry.guid]);
    return entry;
  };
  return {
    'worksets.list': (ctx, args) => worksets.list(ctx.session, args.dictionary),
    'worksets.get': (ctx, args) => worksets.get(ctx.session, args.id),
    'worksets.create': async (ctx, args) => {
      const created = await worksets.create(ctx.session, args, ctx.windowId);
      changed(ctx, args.dictionary, created.id);
      return created;
    },
    'worksets.validate': (ctx, args) => validateQuery(ctx.session, args.dictionary, args.query),
    'worksets.rename': async (ctx, args) => {
      const renamed = await worksets.rename(ctx.session, args.id, args.name, ctx.windowId);
      changed(ctx, renamed.dictionary, args.id);
      return renamed;
    },
    'worksets.delete': async (ctx, args) => {
      const deleted = await worksets.delete(ctx.session, args.id, ctx.windowId);
      changed(ctx, deleted.dictionary, args.id);
      return { deleted: true };
    },
    'worksets.page': (ctx, args) => worksets.page(ctx.session, args.id, args),
    'worksets.refresh': async (ctx, args) => {
      const result = await worksets.refresh(ctx.session, args.id, ctx.windowId);
      changed(ctx, await worksets.dictionaryOf(ctx.session, args.id), args.id);
      return result;
    },
    'worksets.setQuery': async (ctx, args) => {
      const result = await worksets.setQuery(ctx.session, args.id, args.query, ctx.windowId);
      changed(ctx, await worksets.dictionaryOf(ctx.session, args.id), args.id);
      return result;
    },
    'worksets.duplicate': async (ctx, args) => {
      const made = await worksets.duplicate(ctx.session, args.id, args.name, ctx.windowId);
      changed(ctx, await worksets.dictionaryOf(ctx.session, made.id), made.id);
      return made;
    },
    'worksets.setStatus': async (ctx, args) => curated(ctx, args.id, await worksets.setStatus(ctx.session, args.id, args.guid, args.status, ctx.windowId)),
    'worksets.setFavourite': async (ctx, args) => curated(ctx, args.id, await worksets.setFavourite(ctx.session, args.id, args.guid, args.favourite, ctx.windowId)),
    'worksets.setNotes': async (ctx, args) => curated(ctx, args.id, await worksets.setNotes(ctx.session, args.id, args.guid, args.notes, ctx.windowId)),
    'worksets.navigate': (ctx, args) => worksets.navigate(ctx.session, args.id, args.direction, args.guid, args),
    'worksets.progress': (ctx, args) => worksets.progress(ctx.session, args.id),
    'worksets.assign': async (ctx, args) => {
      const result = await worksets.assign(ctx.session, args.id, args, ctx.windowId);
      changed(ctx, await worksets.dictionaryOf(ctx.session, args.id), args.id);
      return result;
    },
  };
}
