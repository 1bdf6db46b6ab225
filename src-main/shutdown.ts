import { constants } from 'node:os';

/** Why the process is quitting: a signal, or the app's own quit (Electron's menu, the last window). */
export type QuitReason = NodeJS.Signals | 'quit';

/** The signals that ask us to quit: Ctrl+C, `kill`, and the terminal closing. */
export const QUIT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Beyond this, cleanup is given up on: `force` runs and the process exits anyway. */
export const DEFAULT_DEADLINE_MS = 30_000;

export interface ShutdownOptions {
  /** Releases everything the process holds; runs once, however many times quitting is asked for. */
  readonly cleanup: () => Promise<void>;
  /** Ends the process with this code (process.exit; app.exit in Electron). */
  readonly exit: (code: number) => void;
  /** Synchronous last resort when cleanup overruns the deadline (stop BaseX by its pid). */
  readonly force?: () => void;
  readonly deadlineMs?: number;
  /** One line for the user (stderr); a closed terminal must not make it throw. */
  readonly log?: (line: string) => void;
}

export interface Shutdown {
  /** Starts quitting (the first call only; later ones just wait); resolves with the exit code once exit was called. */
  begin(reason: QuitReason): Promise<number>;
  /** The first reason given, once quitting has begun. */
  readonly reason: QuitReason | undefined;
}

/** The shell's convention: 128 + the signal's number (130 for SIGINT); 0 for a quit from the app itself. */
export function exitCodeFor(reason: QuitReason): number {
  return reason === 'quit' ? 0 : 128 + constants.signals[reason];
}

/**
 * Quitting, once: the first request runs `cleanup`, and every later one (a second Ctrl+C, the
 * SIGHUP of the terminal closing, npm forwarding the signal again) waits for the same run rather
 * than cutting it short — dying mid-cleanup is how a BaseX server was left behind. Only a cleanup
 * that overruns the deadline is abandoned, after `force`.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const log = options.log ?? (() => undefined);
  let reason: QuitReason | undefined;
  let running: Promise<number> | undefined;
  let exited = false;
  const exitOnce = (code: number): void => {
    if (exited) return;
    exited = true;
    options.exit(code);
  };

  const run = async (first: QuitReason): Promise<number> => {
    const deadline = setTimeout(() => {
      log(`Workset Browser: cleanup took over ${Math.round((options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000)} s; stopping now`);
      try {
        options.force?.();
      } finally {
        exitOnce(1);
      }
    }, options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    // The deadline alone must not keep a process alive whose cleanup is done.
    deadline.unref();
    let code = exitCodeFor(first);
    try {
      await options.cleanup();
    } catch (error) {
      log(`Workset Browser: cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      options.force?.();
      code = 1;
    } finally {
      clearTimeout(deadline);
    }
    exitOnce(code);
    return code;
  };

  return {
    get reason() {
      return reason;
    },
    begin(next) {
      if (running) {
        if (next !== 'quit' && !exited) log(`Workset Browser: ${next} received while stopping; still releasing the BaseX server…`);
        return running;
      }
      reason = next;
      running = run(next);
      return running;
    },
  };
}

/** What `onQuitSignals` listens on: `process`, or a stand-in in tests. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Routes SIGINT, SIGTERM and SIGHUP to `shutdown` for the rest of the process's life. The
 * listeners stay installed: removing them after the first signal would restore the default
 * action, and the next signal would kill the process halfway through its cleanup.
 */
export function onQuitSignals(shutdown: Shutdown, source: SignalSource = process): () => void {
  const listener = (signal: NodeJS.Signals): void => void shutdown.begin(signal);
  for (const signal of QUIT_SIGNALS) source.on(signal, listener);
  return () => QUIT_SIGNALS.forEach((signal) => source.off(signal, listener));
}

/**
 * Once the terminal is gone (SIGHUP), writing to it fails with EIO or EPIPE, and an unhandled
 * stream error would end the process before its cleanup: such errors are ignored instead.
 */
export function tolerateClosedTerminal(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

/** A `log` for ShutdownOptions: one line on stderr, nothing if stderr is gone. */
export function logToStderr(line: string): void {
  try {
    process.stderr.write(line + '\n');
  } catch {
    // no terminal left to tell
  }
}
