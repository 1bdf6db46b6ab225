/**
 * `npm start`: builds the app and launches Electron on the embedded BaseX server. Where no
 * Electron runtime can be obtained (its binary is downloaded from GitHub on first use), says so
 * in one line and starts the browser host instead, printing the address to open — in Chromium,
 * which is therefore ensured up front with BaseX, as `npm test` does. Quits when the app does,
 * never before: Ctrl+C, `kill` or closing the terminal stop the app, BaseX included, then us.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { electronSqliteAddon } from './electron-native.mjs';
import { ensureNodeModules, ensureSystemPackages, run } from './system.mjs';

const root = new URL('..', import.meta.url).pathname;

ensureSystemPackages(['basex', 'chromium']);
ensureNodeModules();
run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);

const electron = electronBinary();
const addon = electron ? electronSqliteAddon() : undefined;

// The app shares our process group, so a terminal's Ctrl+C or hangup reaches it directly, and it
// finishes its cleanup however many signals follow. We pass on only the first signal we get (for
// one aimed at us alone: `kill`, or npm relaying its own) and stay until the app has exited:
// leaving first would hand the terminal back while BaseX is still being stopped.
let child;
let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (forwarded || !child) return;
    forwarded = true;
    child.kill(signal);
  });
}
child = electron && addon
  ? spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, WORKSET_BROWSER_SQLITE_ADDON: addon } })
  : spawn(process.execPath, [join(root, 'bin/workset-browser.mjs'), 'serve'], { cwd: root, stdio: 'inherit' });
// A closed terminal makes our own writes fail: that must not end us before the app.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
child.on('error', (error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));

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
