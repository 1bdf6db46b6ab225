/** Figures of one measure: every run's time summarised, as the bench JSON reports them. */
export interface Summary {
  readonly median_ms: number;
  readonly p95_ms: number;
  readonly min_ms: number;
  readonly max_ms: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median_ms: 0, p95_ms: 0, min_ms: 0, max_ms: 0, runs: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (n: number): number => Math.round(n * 10) / 10;
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)), min_ms: round(sorted[0]), max_ms: round(sorted[sorted.length - 1]), runs: samples.length };
}

/** Milliseconds a piece of work takes. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * Runs two things alternately (a, b, a, b…) after a warm-up of each, so load on the machine
 * falls on both alike, and returns both series. The ratio compares their medians.
 */
export async function alternate(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>, warmUp = 1): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmUp; i++) {
    await a();
    await b();
  }
  const series = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    series.a.push((await timed(a)).ms);
    series.b.push((await timed(b)).ms);
  }
  return series;
}

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator / denominator) * 100) / 100;
}
