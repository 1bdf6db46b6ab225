/** The `--json` option every reporting command takes. */
export interface JsonOption {
  readonly json?: boolean;
}

/** How a command reports: one line for people, or JSON for other tools with --json. */
export function report(json: boolean | undefined, value: unknown, text: () => string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text() + '\n');
}

/** Progress on stderr, rewriting one line, only when a person is watching. */
export function progressLine(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\u001b[K`);
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
}
