import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A query that stays inside BaseX until the test opens its gate, and says when it has begun: a
 * test that needs a call to be under way (to kill its session, its server, or write beside it)
 * waits for `started()` instead of sleeping and hoping the call got there.
 */
export interface Gate {
  /** Query text that marks its start, then waits for the gate (at most `maxMs`), then returns `result`. */
  readonly query: (result?: string) => string;
  /**
   * Query text that marks its start, then sleeps `maxMs` in one piece: for a call that only a
   * kill is meant to end (BaseX ends a sleeping query at once when its session is killed, while
   * the gate's polling loop may run on to its end and still answer).
   */
  readonly killable: (result?: string) => string;
  readonly bindings: { readonly started: string; readonly gate: string };
  /** Resolves once the query is running inside BaseX. */
  started(timeoutMs?: number): Promise<void>;
  /** Lets the query finish (also one whose session was killed: BaseX may still be running it). */
  open(): void;
}

export function createGate(maxMs = 120_000): Gate {
  const folder = mkdtempSync(join(tmpdir(), 'wb-gate-'));
  const bindings = { started: join(folder, 'started'), gate: join(folder, 'open') };
  const polls = Math.ceil(maxMs / 20);
  return {
    bindings,
    query: (result = "'released'") => `declare variable $started external; declare variable $gate external;
      let $begun := file:write-text($started, '')
      let $polls := hof:until(function($n) { file:exists($gate) or $n >= ${polls} }, function($n) { prof:sleep(20), $n + 1 }, 0)
      return ${result}`,
    killable: (result = "'woke'") => `declare variable $started external; declare variable $gate external;
      let $begun := file:write-text($started, '')
      return (prof:sleep(${maxMs}), ${result})`,
    async started(timeoutMs = 30_000) {
      for (const deadline = Date.now() + timeoutMs; !existsSync(bindings.started); ) {
        if (Date.now() > deadline) throw new Error(`the gated query did not start within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    open: () => writeFileSync(bindings.gate, ''),
  };
}
