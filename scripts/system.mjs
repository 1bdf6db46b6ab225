/**
 * What `npm start` and `npm test` need from the machine, installed when missing.
 *
 * Plain Node with no dependencies, because it runs before `npm ci` has. As root on Debian it
 * installs the missing apt packages; as anyone else it names them in one line and stops.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** apt package → how to tell it is installed. */
const SYSTEM_PACKAGES = {
  basex: () => Boolean(process.env.BASEX_JAR) || existsSync('/usr/share/java/basex.jar'),
  chromium: () => Boolean(process.env.CHROMIUM_PATH) || existsSync('/usr/bin/chromium'),
};

/** Installs (as root) or names (otherwise) the missing system packages; exits on failure. */
export function ensureSystemPackages(names) {
  const missing = names.filter((name) => !SYSTEM_PACKAGES[name]());
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    console.error(`Missing system package${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (install: sudo apt-get install ${missing.join(' ')})`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function commandExists(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
