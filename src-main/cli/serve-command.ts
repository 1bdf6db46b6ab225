import { InvalidArgumentError, type Command } from 'commander';
import { startServices } from '../app-services.js';
import { resolveDataFolder } from '../data-folder.js';
import { startBrowserHost, type BrowserHost } from '../host/browser-host.js';
import { rendererRoot } from '../resources.js';
import type { GlobalOptions } from './context.js';

/**
 * `serve`: the app in a browser. The built renderer and the handler table over WebSocket on
 * 127.0.0.1, one socket per window, until interrupted. Prints the address with its token.
 */
export function addServeCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1 (the address printed carries an access token)')
    .option('--port <n>', 'port (default: a free one)', parsePort, 0)
    .option('--no-sample', 'do not import the sample dictionary into a new data folder')
    .option('--json', 'print the address as JSON')
    .action(async (options: { port: number; sample: boolean; json?: boolean }) => {
      const root = rendererRoot();
      const served: { host?: BrowserHost } = {};
      const services = await startServices({
        dataFolder: resolveDataFolder(globals().data),
        basexUrl: globals().basex,
        platform: 'browser',
        importSampleOnFirstRun: options.sample,
        shell: {
          // A browser opens its own windows: the renderer gets the address to open.
          openWindow: async (worksetId) => ({ opened: false, url: `${served.host?.url ?? ''}${worksetId ? `#workset=${worksetId}` : ''}` }),
        },
      });
      const host = await startBrowserHost({ port: options.port, rendererRoot: root, table: services.table, registry: services.registry, bus: services.bus });
      served.host = host;
      process.stdout.write(options.json ? JSON.stringify({ url: host.url, port: host.port, dataFolder: services.dataFolder }) + '\n' : `Workset Browser is at ${host.url}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await host.close();
      await services.close();
    });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(`"${text}" is not a port number`);
  return port;
}
