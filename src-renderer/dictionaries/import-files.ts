/**
 * What a person chose or dropped to import: one .lift, with its .lift-ranges if they gave it.
 * Anything else is refused here, before a byte is sent, saying what is wrong in their words.
 */
export type ImportChoice<F extends { readonly name: string }> =
  | { readonly ok: true; readonly lift: F; readonly ranges?: F }
  | { readonly ok: false; readonly label: string; readonly problem: string };

const LIFT = /\.lift$/i;
const RANGES = /\.lift-ranges$/i;

export function chooseImportFiles<F extends { readonly name: string }>(files: readonly F[]): ImportChoice<F> {
  const label = listed(files.map((file) => file.name));
  if (files.length === 0) return { ok: false, label: 'nothing', problem: 'no file was chosen: choose a .lift file, with its .lift-ranges file if it has one' };
  const lifts = files.filter((file) => LIFT.test(file.name));
  const ranges = files.filter((file) => RANGES.test(file.name));
  const others = files.filter((file) => !LIFT.test(file.name) && !RANGES.test(file.name));
  if (others.length > 0) {
    return { ok: false, label, problem: `${listed(others.map((file) => file.name))} ${others.length === 1 ? 'is' : 'are'} not LIFT: choose a .lift file exported from FLEx or WeSay, with its .lift-ranges file if it has one` };
  }
  if (lifts.length > 1) {
    return { ok: false, label, problem: `${listed(lifts.map((file) => file.name))} are ${lifts.length === 2 ? 'two' : lifts.length} dictionaries: import one .lift file at a time, with its .lift-ranges file if it has one` };
  }
  const [lift] = lifts;
  if (!lift) {
    return { ok: false, label, problem: `${label} ${ranges.length === 1 ? 'holds' : 'hold'} only ranges (lists such as grammatical info and semantic domains), not a dictionary: choose the .lift file together with its .lift-ranges file` };
  }
  if (ranges.length > 1) {
    return { ok: false, label, problem: `${listed(ranges.map((file) => file.name))} are ${ranges.length === 2 ? 'two' : ranges.length} ranges files: choose ${lift.name} with only the one that goes with it` };
  }
  return ranges[0] ? { ok: true, lift, ranges: ranges[0] } : { ok: true, lift };
}

/** "a.lift", "a.lift and b.lift", "a, b and c". */
export function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
