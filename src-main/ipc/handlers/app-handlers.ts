import { describeAddress } from '../../basex/server-url.js';
import { AppError } from '../../domain/app-error.js';
import type { HandlerTable } from '../handler-table.js';
import type { HandlerDeps } from './deps.js';

type AppChannels = 'app.status' | 'app.setName' | 'presence.update' | 'windows.open' | 'dialogs.openLift' | 'dialogs.saveLift';

/** The window's view of the app: status bar facts, new windows, native dialogs. */
export function appHandlers(deps: HandlerDeps): Pick<HandlerTable, AppChannels> {
  return {
    'app.status': async (ctx) => {
      const own = deps.registry.has(ctx.windowId) ? deps.registry.get(ctx.windowId) : undefined;
      return {
        windowId: ctx.windowId,
        platform: deps.platform,
        dataFolder: deps.dataFolder,
        server: { url: describeAddress(deps.server.address), embedded: deps.server.embedded },
        session: { clientAddress: own?.clientAddress ?? null, live: own?.isLive ?? false },
        sessions: deps.registry.counts,
        who: deps.author.who,
      };
    },
    'presence.update': (ctx, args) => deps.presence.update(ctx.session, ctx.windowId, args),
    'app.setName': async (_, args) => {
      deps.setPersonName(args.who);
      return { who: deps.author.who };
    },
    'windows.open': async (_, args) => deps.shell.openWindow(args.worksetId),
    // A path picked here is granted to this window, once: the only way a path reaches import or export.
    'dialogs.openLift': async (ctx) => {
      if (!deps.shell.openLiftDialog) throw new AppError('Unavailable', 'file dialogs exist only in the desktop app: drop a .lift file or use the file picker');
      const file = await deps.shell.openLiftDialog(ctx.windowId);
      if (file) deps.grants.grant(ctx.windowId, file, 'import');
      return { file };
    },
    'dialogs.saveLift': async (ctx, args) => {
      if (!deps.shell.saveLiftDialog) throw new AppError('Unavailable', 'file dialogs exist only in the desktop app: exports are downloaded instead');
      const file = await deps.shell.saveLiftDialog(ctx.windowId, args.defaultName ?? 'dictionary.lift');
      if (file) deps.grants.grant(ctx.windowId, file, 'export');
      return { file };
    },
  };
}
