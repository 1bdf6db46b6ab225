/**
 * `npm test`: everything, from a fresh machine. Installs what is missing, then runs type checks,
 * lint, the unit and integration tests against a real BaseX server, and the e2e specs in Chromium.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemPackages, run } from './system.mjs';

ensureSystemPackages(['basex', 'chromium']);
ensureNodeModules();

run('npm', ['run', '--silent', 'typecheck']);
run('npm', ['run', '--silent', 'lint']);
// The build comes first: the CLI's `serve` tests and the e2e specs both run the built renderer.
run('npx', ['electron-vite', 'build']);
checkRendererHasNoZod();
run('npx', ['vitest', 'run']);
const hasE2e = existsSync('e2e') && readdirSync('e2e').some((file) => file.endsWith('.spec.ts'));
// The slow specs have their own script, `npm run test:slow`, which CI runs after this one.
if (hasE2e) run('npx', ['playwright', 'test', '--project=main']);
console.log('npm test: all green');

/**
 * The renderer validates nothing itself, so zod in its bundle means a component imported the
 * zod contract instead of src-main/domain/ (about 180 kB for nothing).
 */
function checkRendererHasNoZod() {
  const assets = fileURLToPath(new URL('../out/renderer/assets/', import.meta.url));
  const withZod = readdirSync(assets).filter((file) => file.endsWith('.js') && readFileSync(join(assets, file), 'utf8').includes('ZodError'));
  if (withZod.length === 0) return;
  console.error(`zod is bundled into the renderer (${withZod.map((file) => relative(process.cwd(), join(assets, file))).join(', ')}): import the domain model (src-main/domain/) or src-renderer/api/contract.ts, not src-main/ipc/contract's schemas`);
  process.exit(1);
}
