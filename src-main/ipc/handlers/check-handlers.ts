import type { HandlerContext, HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type CheckChannels = 'checks.run' | 'checks.setRequiredGloss' | 'checks.addRule' | 'checks.deleteRule' | 'checks.open';

/**
 * Consistency checks of a dictionary (worksets/check-service.ts). A change to its rules or its
 * required writing systems, and a workset opened from a rule, are announced like workset changes,
 * so every window's Clean up area and workset list follow.
 */
export function checkHandlers(deps: HandlerDeps): Pick<HandlerTable, CheckChannels> {
  const { checks, bus } = deps;
  const changed = (ctx: HandlerContext, dictionary: string, worksetId?: number): void =>
    bus.broadcast('worksets-changed', { dictionary, worksetId, origin: ctx.windowId });
  return {
    'checks.run': (ctx, args) => checks.run(ctx.session, args.dictionary),
    'checks.setRequiredGloss': async (ctx, args) => {
      const langs = await checks.setRequiredGloss(ctx.session, args.dictionary, args.langs, ctx.windowId);
      changed(ctx, args.dictionary);
      return { langs };
    },
    'checks.addRule': async (ctx, args) => {
      const rule = await checks.addRule(ctx.session, args.dictionary, args.name, args.query, ctx.windowId);
      changed(ctx, args.dictionary);
      return rule;
    },
    'checks.deleteRule': async (ctx, args) => {
      await checks.deleteRule(ctx.session, args.dictionary, args.id, ctx.windowId);
      changed(ctx, args.dictionary);
      return { deleted: true };
    },
    'checks.open': async (ctx, args) => {
      const made = await checks.open(ctx.session, args.dictionary, args.rule, ctx.windowId);
      changed(ctx, args.dictionary, made.id);
      return made;
    },
  };
}
