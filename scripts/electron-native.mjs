/**
 * better-sqlite3 for Electron, without breaking it for Node: Electron has its own ABI, and
 * rebuilding the addon in node_modules in place would break the CLI and the tests. So a copy of
 * the package is built against Electron's headers into node_modules/.cache, once per Electron
 * version, and the app loads that addon (WORKSET_BROWSER_SQLITE_ADDON, read by the store).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The addon built for the installed Electron; undefined (with the reason printed) if it cannot be built. */
export function electronSqliteAddon() {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const cache = join(root, 'node_modules/.cache/electron-native', electronVersion);
  const addon = join(cache, 'better_sqlite3.node');
  if (existsSync(addon)) return addon;
  const work = join(cache, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
  const nodeGyp = join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  const built = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'ignore' });
  if (built.status !== 0 || !existsSync(join(work, 'build/Release/better_sqlite3.node'))) {
    console.log(`better-sqlite3 could not be built for Electron ${electronVersion} (its headers come from electronjs.org)`);
    return undefined;
  }
  cpSync(join(work, 'build/Release/better_sqlite3.node'), addon);
  return addon;
}
