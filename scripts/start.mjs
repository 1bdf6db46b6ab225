/**
 * `npm start`: builds the app and launches Electron on the embedded BaseX server. Where no
 * Electron runtime can be obtained (its binary is downloaded from GitHub on first use), says so
 * in one line and starts the browser host instead, printing the address to open — in Chromium,
 * which is therefore ensured up front with BaseX, as `npm test` does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronSqliteAddon } from './electron-native.mjs';
import { ensureNodeModules, ensureSystemPackages, run } from './system.mjs';

const root = new URL('..', import.meta.url).pathname;

ensureSystemPackages(['basex', 'chromium']);
ensureNodeModules();
run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);

const electron = electronBinary();
const addon = electron ? electronSqliteAddon() : undefined;
const child = electron && addon
  ? spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, WORKSET_BROWSER_SQLITE_ADDON: addon } })
  : spawn(process.execPath, [join(root, 'bin/workset-browser.mjs'), 'serve'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

/** The Electron executable, downloading it once if needed; undefined where none can be had. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
    if (existsSync(binary)) return binary;
  }
  const installed = () => existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed()) spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  if (installed()) return join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  console.log('No Electron runtime could be downloaded here; starting the browser host instead (open the address below).');
  return undefined;
}
