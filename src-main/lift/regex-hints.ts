/**
 * What to write instead, when a regular expression BaseX refused uses something other regex
 * dialects have and XQuery's (XPath Functions 3.1, §5.6) has not. The person typed what works in
 * their editor or in FLEx; the hint names the construct and gives XQuery's equivalent.
 */

interface Hint {
  readonly test: RegExp;
  readonly say: (pattern: string, replacing: boolean) => string;
}

/** `\bword\b` (or `\bword`, `word\b`) around one plain word: that word, for a worked example. */
function boundedWord(pattern: string): string | undefined {
  return /^(?:\\b)?([\p{L}\p{M}\p{N}_-]+)(?:\\b)?$/u.exec(pattern)?.[1];
}

const HINTS: readonly Hint[] = [
  {
    test: /\\[bB]/,
    say: (pattern, replacing) => {
      const word = boundedWord(pattern) ?? 'cat';
      const keep = replacing ? ', and put $1 and $2 around the replacement to keep what surrounds it' : '';
      return `XQuery has no \\b (word boundary): for the whole word "${word}" write (^|\\W)${word}(\\W|$)${keep}`;
    },
  },
  {
    test: /\(\?<?[=!]/,
    say: () => 'XQuery has no lookahead or lookbehind ((?=, (?!, (?<=, (?<!): match the neighbouring text as a group instead, e.g. (x)(y) rather than x(?=y)',
  },
  {
    test: /\(\?(?:P?<[A-Za-z]|')/,
    say: () => 'XQuery has no named groups: write a plain group ( … ) and refer to it by number ($1 in a replacement, \\1 in the pattern)',
  },
  {
    test: /\(\?[a-zA-Z-]+[):]/,
    say: () => 'XQuery has no inline flags such as (?i): give the flags (i, m, s, x) in the flags instead',
  },
  {
    test: /\\[AZzG]/,
    say: () => 'XQuery has no \\A, \\Z, \\z or \\G: use ^ for the start and $ for the end of the text',
  },
  {
    test: /\\(?:x\{?[0-9A-Fa-f]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/,
    say: () => 'XQuery has no \\x or \\u escapes: type the character itself (or paste it)',
  },
  {
    test: /\\[hHRVvKQE]|\\k</,
    say: (pattern) => `XQuery does not know ${/\\[hHRVvKQE]|\\k</.exec(pattern)?.[0] ?? 'this escape'}: its escapes are \\d \\w \\s \\i \\c \\p{…} (and their capitals), \\n \\r \\t, and \\ before a special character`,
  },
  {
    test: /[*+?}][+]/,
    say: () => 'XQuery has no possessive quantifiers (*+, ++, ?+): write * + ? or the lazy *? +? ??',
  },
  {
    test: /\[\[:[a-z]+:\]\]/,
    say: () => 'XQuery has no POSIX classes such as [[:alpha:]]: use \\p{L} for letters, \\d for digits, \\s for spaces',
  },
];

const GENERAL =
  'check that every ( [ { has its closing partner, and put a \\ before . * + ? ( ) [ ] { } | \\ ^ $ where you mean the character itself';

/** Advice on a pattern BaseX refused: the likely cause and what to write, or the general rule. */
export function regexHint(pattern: string, replacing = false): string {
  return HINTS.find((hint) => hint.test.test(pattern))?.say(pattern, replacing) ?? GENERAL;
}
