import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock file shared by every process using one data folder, so only one of them starts or
 * stops the embedded server at a time. A lock left by a dead process is taken over.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryLock(path)) break;
    if (Date.now() > deadline) throw new Error(`another process holds ${path} for too long; remove it if no Workset Browser is running`);
    await sleep(50);
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // already gone: nothing to release
    }
  }
}

/**
 * The last-resort form, for a process about to exit: runs `work` at once if the lock is free,
 * stale, or held by this very process (whose own holder is stuck), and returns false without
 * running it while another live process holds the lock.
 */
export function withFileLockNow(path: string, work: () => void): boolean {
  const mine = Number(readOr(path, '')) === process.pid;
  if (!mine && !tryLock(path) && !tryLock(path)) return false;
  try {
    work();
    return true;
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

function tryLock(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readOr(path, ''));
  if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
    try {
      unlinkSync(path);
    } catch {
      // someone else took it over first
    }
  }
  return false;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/**
 * True while a process with this id runs (signal 0 tests without signalling). A zombie — one
 * that has exited but that its parent, maybe this very process blocked in a synchronous wait,
 * has not reaped yet — counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) === 'Z';
  } catch {
    return false; // no /proc here (macOS, Windows)
  }
}
