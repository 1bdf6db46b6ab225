import { TimeoutError } from './errors.js';

interface Call {
  readonly what: string;
  readonly run: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  settled: boolean;
}

/**
 * Runs a session's calls one at a time, first in first out, each with a timeout counted from
 * the moment it is queued.
 *
 * A call that times out while waiting simply leaves the queue. One that times out while running
 * has left the conversation with the server in an unknown state, so `abort` is asked to drop the
 * connection (which fails every other call through `failAll`).
 */
export class CallQueue {
  private readonly waiting: Call[] = [];
  private running: Call | undefined;

  constructor(private readonly abort: (error: Error) => void) {}

  push<T>(what: string, timeoutMs: number, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const call: Call = { what, run, resolve: resolve as (value: unknown) => void, reject, timer: undefined, settled: false };
      call.timer = setTimeout(() => this.timeOut(call, timeoutMs), timeoutMs);
      this.waiting.push(call);
      this.next();
    });
  }

  /** Rejects the running call and every waiting one. */
  failAll(error: Error): void {
    const calls = this.running ? [this.running, ...this.waiting] : [...this.waiting];
    this.waiting.length = 0;
    for (const call of calls) settle(call, () => call.reject(error));
  }

  private next(): void {
    if (this.running) return;
    const call = this.waiting.shift();
    if (!call) return;
    this.running = call;
    call.run().then(
      (value) => settle(call, () => call.resolve(value)),
      (error: unknown) => settle(call, () => call.reject(error instanceof Error ? error : new Error(String(error)))),
    ).finally(() => {
      if (this.running === call) this.running = undefined;
      this.next();
    });
  }

  private timeOut(call: Call, timeoutMs: number): void {
    if (call.settled) return;
    const error = new TimeoutError(call.what, timeoutMs);
    if (call === this.running) {
      settle(call, () => call.reject(error));
      this.abort(error);
      return;
    }
    const index = this.waiting.indexOf(call);
    if (index >= 0) this.waiting.splice(index, 1);
    settle(call, () => call.reject(error));
  }
}

function settle(call: Call, finish: () => void): void {
  if (call.settled) return;
  call.settled = true;
  clearTimeout(call.timer);
  finish();
}
