/**
 * One simulated desktop of the team load test (team-measures.ts), run as a process of its own:
 * its own data folder (its own workset store) and one BaseX session per window, on the bench's
 * server. Each window pages the shared workset, edits an entry's gloss from the version it read
 * and sets a status, a fixed number of rounds.
 *
 * Argument: the DesktopPlan as JSON. Standard input: the server's password (first line, so it
 * is never on a command line), then a line to start on. Standard output: `{"ready":true}` once
 * every window is open and the workset's copy is in this desktop's index, then one DesktopResult.
 */
import { createInterface } from 'node:readline';
import { BaseXSession, type BaseXAddress } from '../basex/client-session.js';
import { AppError } from '../domain/app-error.js';
import { STATUSES, type Status } from '../domain/statuses.js';
import { openWorksetServices, type WorksetServices } from '../worksets/workset-services.js';

const PAGE = 50;
/** The longest a window "reads" an entry between opening it and saving: a save may then meet a colleague's. */
const READ_MS = 200;

export interface WindowPlan {
  readonly name: string;
  /** Entries this window edits, shared with one window of another desktop. */
  readonly edits: readonly string[];
  /** Entries this window curates, one a round. */
  readonly curates: readonly string[];
}

export interface DesktopPlan {
  readonly desktop: number;
  readonly dataFolder: string;
  readonly address: Omit<BaseXAddress, 'password'>;
  readonly db: string;
  readonly worksetId: number;
  readonly rounds: number;
  /** Part of every value written, so values are new on a dictionary an earlier run wrote. */
  readonly run: string;
  readonly windows: readonly WindowPlan[];
}

/** A save the server acknowledged: its change record, and when the window had its answer (Date.now()). */
export interface AckedEdit {
  readonly window: string;
  readonly guid: string;
  readonly value: string;
  readonly seq: number;
  readonly at: number;
}

export interface AckedStatus {
  readonly window: string;
  readonly guid: string;
  readonly status: Status;
}

/** A write that was answered with an error: a refusal (Conflict) or any other failure, as the window was told. */
export interface FailedWrite {
  readonly window: string;
  readonly guid: string;
  readonly value: string;
  readonly code: string;
  readonly message: string;
}

export interface DesktopResult {
  readonly desktop: number;
  readonly pageMs: number[];
  readonly saveMs: number[];
  readonly curateMs: number[];
  readonly edits: AckedEdit[];
  /** In the order each window made them. */
  readonly statuses: AckedStatus[];
  readonly refused: FailedWrite[];
  readonly failed: FailedWrite[];
  /** This process's CPU time over the run, seconds. */
  readonly cpuS: number;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    samples.push(Math.round((performance.now() - start) * 10) / 10);
  }
}

function failure(window: string, guid: string, value: string, error: unknown): FailedWrite {
  const code = error instanceof AppError ? error.code : 'Error';
  return { window, guid, value, code, message: error instanceof Error ? error.message : String(error) };
}

/** One window's rounds: a page at a random offset, an edit from the version read, a status. */
async function runWindow(services: WorksetServices, session: BaseXSession, plan: DesktopPlan, window: WindowPlan, index: number, result: DesktopResult): Promise<void> {
  const random = (n: number): number => Math.floor(Math.random() * Math.max(1, n));
  const total = (await services.worksets.progress(session, plan.worksetId)).total;
  for (let round = 0; round < plan.rounds; round++) {
    await timed(result.pageMs, () => services.worksets.page(session, plan.worksetId, { offset: random(total - PAGE), limit: PAGE, sort: { by: 'headword', dir: 'asc' } }));

    const guid = window.edits[random(window.edits.length)];
    const value = `Team ${plan.run}.${window.name}.${round}`;
    try {
      const { version } = await services.entries.get(session, plan.db, guid);
      await new Promise((wake) => setTimeout(wake, random(READ_MS)));
      const saved = await timed(result.saveMs, () => services.entries.edit(session, plan.db, guid, version, { action: 'set', field: 'gloss', lang: 'en', sense: 0, value }, window.name));
      if (saved.change === undefined) throw new Error(`the save of ${guid} changed nothing`);
      result.edits.push({ window: window.name, guid, value, seq: saved.change, at: Date.now() });
    } catch (error) {
      (error instanceof AppError && error.code === 'Conflict' ? result.refused : result.failed).push(failure(window.name, guid, value, error));
    }

    const curated = window.curates[round % window.curates.length];
    const status = STATUSES[(round + index + plan.desktop) % STATUSES.length];
    try {
      await timed(result.curateMs, () => services.worksets.setStatus(session, plan.worksetId, curated, status, window.name));
      result.statuses.push({ window: window.name, guid: curated, status });
    } catch (error) {
      result.failed.push(failure(window.name, curated, status, error));
    }
  }
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? '') as DesktopPlan;
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const password = (await lines.next()).value as string;
  const address: BaseXAddress = { ...plan.address, password };
  const services = openWorksetServices(plan.dataFolder, { who: `team desktop ${plan.desktop}` });
  const sessions = await Promise.all(plan.windows.map(() => BaseXSession.connect(address)));
  try {
    // As a window opening the workset: its copy comes into this desktop's index before the run.
    await services.worksets.progress(sessions[0], plan.worksetId);
    process.stdout.write(JSON.stringify({ ready: true }) + '\n');
    await lines.next();
    const cpu = process.cpuUsage();
    const result: DesktopResult = { desktop: plan.desktop, pageMs: [], saveMs: [], curateMs: [], edits: [], statuses: [], refused: [], failed: [], cpuS: 0 };
    await Promise.all(plan.windows.map((window, i) => runWindow(services, sessions[i], plan, window, i, result)));
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({ ...result, cpuS: Math.round((used.user + used.system) / 1e4) / 100 }) + '\n');
  } finally {
    await Promise.all(sessions.map((s) => s.close().catch(() => undefined)));
    services.close();
  }
}

await main();
process.exit(0);
