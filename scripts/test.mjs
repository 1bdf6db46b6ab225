/**
 * `npm test`: everything, from a fresh machine. Installs what is missing, then runs type checks,
 * lint, the unit and integration tests against a real BaseX server, and the e2e specs in Chromium.
 */
import { readdirSync, existsSync } from 'node:fs';
import { ensureNodeModules, ensureSystemPackages, run } from './system.mjs';

ensureSystemPackages(['basex', 'chromium']);
ensureNodeModules();

run('npm', ['run', '--silent', 'typecheck']);
run('npm', ['run', '--silent', 'lint']);
// The build comes first: the CLI's `serve` tests and the e2e specs both run the built renderer.
run('npx', ['electron-vite', 'build']);
run('npx', ['vitest', 'run']);
const hasE2e = existsSync('e2e') && readdirSync('e2e').some((file) => file.endsWith('.spec.ts'));
if (hasE2e) run('npx', ['playwright', 'test']);
console.log('npm test: all green');
