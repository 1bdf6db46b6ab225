/**
 * True only when a schema's output and its domain type are the same shape: assignable both
 * ways and with the same keys (mutual assignability alone lets an optional key go missing).
 * `const _check: SameShape<z.output<typeof schema>, T> = true` fails to compile on any drift.
 */
export type SameShape<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : never
      : never
    : never
  : never;
