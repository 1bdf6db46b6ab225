/**
 * `npm run test:e2e:load [-- --repeat N] [playwright args…]`: the e2e suite with one core kept
 * busy by a CPU hog, N times in a row (default 5). A spec that only passes on an idle machine
 * is waiting on speed instead of on state; this is how we find out before CI does.
 */
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--repeat');
const repeat = at >= 0 ? Number(args.splice(at, 2)[1]) : 5;
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error('--repeat needs a whole number of runs, 1 or more');
  process.exit(2);
}

const hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
const stopHog = () => hog.exitCode === null && hog.signalCode === null && hog.kill('SIGKILL');
process.on('exit', stopHog);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (let run = 1; run <= repeat; run++) {
  console.log(`e2e under load: run ${run} of ${repeat}, a CPU hog on one core (pid ${hog.pid})`);
  const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`e2e under load: run ${run} of ${repeat} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log(`e2e under load: ${repeat} of ${repeat} runs passed`);
