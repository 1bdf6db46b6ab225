import type { ImportProgress } from './import.js';

/** Progress is reported at most this often while bytes flow (phase changes always are). */
const INTERVAL_MS = 100;

/**
 * Throttles an import's progress callbacks. A callback that throws must not abort the upload
 * midway (that would drop the connection), so its error is kept and rethrown between steps.
 */
export class ImportProgressReporter {
  private lastPhase: ImportProgress['phase'] | undefined;
  private lastAt = 0;
  private error: unknown;

  constructor(
    private readonly listener: ((progress: ImportProgress) => void) | undefined,
    private readonly totalBytes: number,
  ) {}

  report(phase: ImportProgress['phase'], bytesSent = this.totalBytes): void {
    if (!this.listener || this.error !== undefined) return;
    const now = Date.now();
    const due = phase !== this.lastPhase || now - this.lastAt >= INTERVAL_MS || bytesSent === this.totalBytes;
    if (!due) return;
    this.lastPhase = phase;
    this.lastAt = now;
    try {
      this.listener({ phase, bytesSent, totalBytes: this.totalBytes });
    } catch (error) {
      this.error = error;
    }
  }

  /** Throws what a callback threw, once the upload is safely over. */
  rethrow(): void {
    if (this.error !== undefined) throw this.error;
  }
}
