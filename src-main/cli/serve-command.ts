import { InvalidArgumentError, type Command } from 'commander';
import { startServices } from '../app-services.js';
import { resolveDataFolder } from '../data-folder.js';
import { startBrowserHost, type BrowserHost } from '../host/browser-host.js';
import { readSavedAddress, saveAddress } from '../host/saved-address.js';
import { rendererRoot } from '../resources.js';
import { releaseAllLeases } from '../basex/server-launcher.js';
import { createAppShutdown, type Releasable } from '../shutdown-app.js';
import { logToStderr, onQuitSignals, tolerateClosedTerminal } from '../shutdown.js';
import { askedPassword, type GlobalOptions } from './context.js';

/**
 * `serve`: the app in a browser. The built renderer and the handler table over WebSocket on
 * 127.0.0.1, one socket per window, until interrupted. Prints the address with its token.
 * SIGINT, SIGTERM or SIGHUP (however many) end it once everything is released, BaseX included.
 */
export function addServeCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1 (the address printed carries an access token)')
    .option('--port <n>', 'port (default: the last launch\'s when free, so its address keeps working; else a free one)', parsePort, 0)
    .option('--no-sample', 'do not import the sample dictionary into a new data folder')
    .option('--json', 'print the address as JSON')
    .action(async (options: { port: number; sample: boolean; json?: boolean }) => {
      const root = rendererRoot();
      const started = startApp(globals(), root, options);
      // From the start: a Ctrl+C while BaseX is still starting waits for it, then stops it.
      tolerateClosedTerminal();
      const shutdown = createAppShutdown({ started, exit: (code) => process.exit(code), log: logToStderr });
      onQuitSignals(shutdown);
      let app: ServedApp;
      try {
        app = await started;
      } catch (error) {
        // A start that failed halfway (the sample import, say) may hold a lease: give it back.
        await releaseAllLeases();
        throw error;
      }
      if (shutdown.reason) return;
      const { host, dataFolder, reused } = app;
      const again = reused ? ' (the address of its last launch: tabs still open on it reconnect)' : '';
      process.stdout.write(options.json ? JSON.stringify({ url: host.url, port: host.port, dataFolder, reused }) + '\n' : `Workset Browser is at ${host.url}${again}\n`);
      // Runs until a signal: the shutdown closes the host and the services, then exits.
    });
}

interface ServedApp extends Releasable {
  readonly host: BrowserHost;
  /** The address is the last launch's: tabs still open on it reconnect. */
  readonly reused: boolean;
  readonly dataFolder: string;
}

async function startApp(globals: GlobalOptions, renderer: string, options: { port: number; sample: boolean }): Promise<ServedApp> {
  const served: { host?: BrowserHost } = {};
  const services = await startServices({
    dataFolder: resolveDataFolder(globals.data),
    basexUrl: globals.basex,
    passwordFile: globals.passwordFile,
    password: await askedPassword(globals, resolveDataFolder(globals.data)),
    platform: 'browser',
    importSampleOnFirstRun: options.sample,
    shell: {
      // A browser opens its own windows: the renderer gets the address to open.
      openWindow: async (worksetId) => ({ opened: false, url: `${served.host?.url ?? ''}${worksetId ? `#workset=${worksetId}` : ''}` }),
    },
  });
  try {
    const previous = readSavedAddress(services.dataFolder);
    const host = await startBrowserHost({ port: options.port, previous, rendererRoot: renderer, table: services.table, attachWindow: services.attachWindow });
    saveAddress(services.dataFolder, { port: host.port, token: host.token });
    served.host = host;
    return {
      host,
      reused: previous?.token === host.token,
      dataFolder: services.dataFolder,
      close: async () => {
        await host.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(`"${text}" is not a port number`);
  return port;
}
