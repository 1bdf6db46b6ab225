import { describe, expect, it } from 'vitest';
import { regexHint } from '../../src-main/lift/regex-hints.js';

describe('regexHint', () => {
  it('gives XQuery\'s equivalent of a word boundary, with the word typed', () => {
    expect(regexHint('\\bkuda\\b')).toBe('XQuery has no \\b (word boundary): for the whole word "kuda" write (^|\\W)kuda(\\W|$)');
    expect(regexHint('\\bkuda\\b', true)).toMatch(/put \$1 and \$2 around the replacement/);
    expect(regexHint('x\\B')).toMatch(/for the whole word "cat" write/);
  });

  it.each([
    ['a(?=b)', /no lookahead or lookbehind/],
    ['(?<!a)b', /no lookahead or lookbehind/],
    ['(?<word>a)', /no named groups/],
    ['(?P<word>a)', /no named groups/],
    ['(?i)kuda', /no inline flags/],
    ['\\Akuda\\z', /use \^ for the start/],
    ['\\u00e9', /type the character itself/],
    ['\\x{e9}', /type the character itself/],
    ['a\\h', /does not know \\h/],
    ['a*+', /no possessive quantifiers/],
    ['[[:alpha:]]', /no POSIX classes/],
    ['[unclosed', /every \( \[ \{ has its closing partner/],
  ])('names what XQuery lacks in %s', (pattern, hint) => {
    expect(regexHint(pattern)).toMatch(hint);
  });
});
