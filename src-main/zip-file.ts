import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';

export interface ZipMember {
  /** Its name inside the archive. */
  readonly name: string;
  /** The file on disk it is read from. */
  readonly file: string;
}

/**
 * Writes `members` into a new .zip at `target` (deflated), streaming: neither a file nor the
 * archive is ever held whole in memory. It is written under a temporary name and renamed into
 * place when complete, so `target` is never a half-written archive.
 */
export async function writeZip(target: string, members: readonly ZipMember[]): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  const out = createWriteStream(temporary, { flags: 'wx' });
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else out.write(chunk);
    if (final || error) out.end();
  });
  try {
    for (const member of members) {
      const entry = new ZipDeflate(member.name, { level: 6 });
      zip.add(entry);
      for await (const chunk of createReadStream(member.file)) {
        entry.push(chunk as Buffer);
        // fflate hands over its output synchronously: wait for the disk when it falls behind.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
    if (!out.writableFinished) await once(out, 'finish');
    if (failure) throw failure;
    await rename(temporary, target);
  } catch (error) {
    zip.terminate();
    out.destroy();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
