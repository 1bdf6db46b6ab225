/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and swaps of two neighbours each cost 1) by code point, stopping early once it exceeds `max`.
 * Answers `max + 1` for anything further apart, which is all the duplicate finder needs to know.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0 || t.length === 0) return Math.max(s.length, t.length);
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[t.length], max + 1);
}

/**
 * How far apart two headwords of this length may be to count as likely the same: 1 edit, 2 from
 * eight letters on (two slips in a word of six are as often another word as a typo).
 */
export function allowedDistance(length: number): number {
  return length < 8 ? 1 : 2;
}

/**
 * The strings made by deleting up to `depth` code points of `word` (itself included): two words
 * within edit distance `depth` share one (symmetric delete, as SymSpell), so candidates are found
 * by looking these up instead of comparing every pair.
 */
export function deletions(word: string, depth: number): Set<string> {
  const found = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      const chars = [...w];
      if (chars.length <= 1) continue;
      for (let i = 0; i < chars.length; i++) {
        const shorter = chars.slice(0, i).join('') + chars.slice(i + 1).join('');
        if (!found.has(shorter)) {
          found.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return found;
}
