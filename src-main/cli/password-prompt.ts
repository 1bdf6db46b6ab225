/**
 * Asks for a password on the terminal without echoing it. Raw mode turns Ctrl+C into a
 * character, so it is read as "cancel" here.
 */
export function promptPassword(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.reject(new Error('no terminal to ask the password on: give it with --password-file FILE (- for standard input)'));
  // Echo goes off before the question shows, so a password typed the moment it appears is never echoed.
  input.setRawMode(true);
  process.stderr.write(question);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((done, fail) => {
    let typed = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish();
          done(typed);
          return;
        }
        if (character === '\u0003' || character === '\u0004') {
          finish();
          fail(new Error('cancelled: no password was typed'));
          return;
        }
        typed = character === '\u007f' || character === '\b' ? typed.slice(0, -1) : typed + character;
      }
    };
    input.on('data', onData);
  });
}
