import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createShutdown, exitCodeFor, onQuitSignals, type ShutdownOptions } from '../../src-main/shutdown.js';

/** A cleanup the test finishes when it chooses, counting its runs. */
function heldCleanup(): { cleanup: () => Promise<void>; finish(error?: Error): void; runs(): number } {
  let runs = 0;
  let settle: ((error?: Error) => void) | undefined;
  return {
    cleanup: () => {
      runs++;
      return new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
    },
    finish: (error) => settle?.(error),
    runs: () => runs,
  };
}

/** Records exits (and what happened before them) instead of ending the test process. */
function recorder(): { exits: number[]; events: string[]; exited: Promise<number>; options: Pick<ShutdownOptions, 'exit' | 'force' | 'log'> } {
  const exits: number[] = [];
  const events: string[] = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  return {
    exits,
    events,
    exited,
    options: {
      exit: (code) => {
        exits.push(code);
        events.push(`exit ${code}`);
        resolveExit(code);
      },
      force: () => events.push('force'),
      log: (line) => events.push(`log ${line}`),
    },
  };
}

class FakeSignals extends EventEmitter {
  send(signal: NodeJS.Signals): void {
    this.emit(signal, signal);
  }
}

describe('shutdown', () => {
  it('uses the shell convention for exit codes', () => {
    expect(exitCodeFor('SIGINT')).toBe(130);
    expect(exitCodeFor('SIGTERM')).toBe(143);
    expect(exitCodeFor('SIGHUP')).toBe(129);
    expect(exitCodeFor('quit')).toBe(0);
  });

  it('runs the cleanup once, whatever arrives during it, and exits only when it is done', async () => {
    const held = heldCleanup();
    const record = recorder();
    const signals = new FakeSignals();
    const shutdown = createShutdown({ cleanup: held.cleanup, ...record.options });
    onQuitSignals(shutdown, signals);
    signals.send('SIGINT');
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGINT'] as const) signals.send(signal);
    void shutdown.begin('quit');
    // Still installed: a later signal must not fall back to the default action (death).
    expect(signals.listenerCount('SIGINT')).toBe(1);
    expect(held.runs()).toBe(1);
    expect(record.exits).toEqual([]);
    expect(shutdown.reason).toBe('SIGINT');
    held.finish();
    expect(await record.exited).toBe(130);
    expect(await shutdown.begin('SIGTERM')).toBe(130);
    expect(record.exits).toEqual([130]);
    expect(record.events.filter((event) => event.startsWith('log'))).toHaveLength(4);
    expect(record.events).not.toContain('force');
  });

  it('a quit from the app exits 0', async () => {
    const record = recorder();
    const shutdown = createShutdown({ cleanup: () => Promise.resolve(), ...record.options });
    expect(await shutdown.begin('quit')).toBe(0);
    expect(record.exits).toEqual([0]);
  });

  it('a failed cleanup still forces the release, and exits 1', async () => {
    const held = heldCleanup();
    const record = recorder();
    const shutdown = createShutdown({ cleanup: held.cleanup, ...record.options });
    void shutdown.begin('SIGTERM');
    held.finish(new Error('BaseX went away'));
    expect(await record.exited).toBe(1);
    expect(record.events).toEqual(['log Workset Browser: cleanup failed: BaseX went away', 'force', 'exit 1']);
  });

  it('a cleanup that overruns the deadline is given up: force, then exit 1, once', async () => {
    const held = heldCleanup();
    const record = recorder();
    const shutdown = createShutdown({ cleanup: held.cleanup, ...record.options, deadlineMs: 100 });
    void shutdown.begin('SIGHUP');
    expect(await record.exited).toBe(1);
    expect(record.events.slice(-2)).toEqual(['force', 'exit 1']);
    // A cleanup finishing after all does not exit a second time.
    held.finish();
    await shutdown.begin('SIGINT');
    expect(record.exits).toEqual([1]);
  });

  it('onQuitSignals listens on SIGINT, SIGTERM and SIGHUP until uninstalled', () => {
    const signals = new FakeSignals();
    const shutdown = createShutdown({ cleanup: () => new Promise(() => undefined), exit: () => undefined, deadlineMs: 60_000 });
    const uninstall = onQuitSignals(shutdown, signals);
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => signals.listenerCount(signal))).toEqual([1, 1, 1]);
    uninstall();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => signals.listenerCount(signal))).toEqual([0, 0, 0]);
    signals.send('SIGTERM');
    expect(shutdown.reason).toBeUndefined();
  });
});
