import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from './domain/app-error.js';

/** A dictionary (.lift) or the ranges file that goes with it (.lift-ranges). */
export type UploadKind = 'lift' | 'ranges';

interface Upload {
  readonly file: string;
  readonly kind: UploadKind;
  readonly size: number;
  received: number;
  /** For a .lift: the ranges upload already put beside it (placeBeside), so a second import of the pair finds it there. */
  rangesFrom?: string;
}

/**
 * Files a window sends over the contract in chunks (drag and drop, or the browser host, which
 * has no access to local paths). Each goes to its own folder under the data folder — never
 * elsewhere: the name is reduced to its base name — and is deleted after import.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly root: string) {}

  begin(fileName: string, size: number): string {
    const name = basename(fileName).replace(/[^\p{L}\p{N}._ -]/gu, '_');
    const kind = kindOf(name);
    if (!kind) throw new AppError('Invalid', `${fileName} is neither a .lift file nor a .lift-ranges file`);
    const id = randomBytes(12).toString('hex');
    const folder = join(this.root, id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    this.uploads.set(id, { file: join(folder, name), kind, size, received: 0 });
    return id;
  }

  chunk(id: string, base64: string): number {
    const upload = this.get(id);
    const bytes = Buffer.from(base64, 'base64');
    if (upload.received + bytes.length > upload.size) {
      this.discard(id);
      throw new AppError('Invalid', `upload ${id} is larger than announced (${upload.size} bytes)`);
    }
    appendFileSync(upload.file, bytes);
    upload.received += bytes.length;
    return upload.received;
  }

  /** The uploaded file, once every announced byte has arrived. */
  complete(id: string): string {
    const upload = this.get(id);
    const onDisk = upload.received === 0 ? 0 : statSync(upload.file).size;
    if (onDisk !== upload.size) throw new AppError('Invalid', `upload ${id} is incomplete: ${onDisk} of ${upload.size} bytes arrived`);
    if (upload.size === 0) throw new AppError('Invalid', `${basename(upload.file)} is empty`);
    return upload.file;
  }

  /**
   * The uploaded .lift to import, with the ranges upload (if any) moved beside it as
   * `<its base name>.lift-ranges`, where the import looks for it just as the CLI finds it beside
   * the file; the ranges upload itself is then gone. Asked again for the same pair (the import is
   * repeated to replace a dictionary), the ranges are already there. A pair that is not one
   * .lift and one .lift-ranges is refused, saying which file is which.
   */
  liftWithRanges(liftId: string, rangesId: string | undefined): string {
    const lift = this.get(liftId);
    const liftName = basename(lift.file);
    if (lift.kind !== 'lift') {
      throw new AppError('Invalid', `${liftName} holds only the ranges (lists such as grammatical info and semantic domains), not the dictionary: choose the .lift file together with it`);
    }
    const file = this.complete(liftId);
    if (rangesId === undefined || lift.rangesFrom === rangesId) return file;
    const ranges = this.get(rangesId);
    if (ranges.kind !== 'ranges') {
      throw new AppError('Invalid', `${liftName} and ${basename(ranges.file)} are two dictionaries: import one .lift file at a time, with its .lift-ranges file if it has one`);
    }
    renameSync(this.complete(rangesId), join(dirname(file), `${basename(file, extname(file))}.lift-ranges`));
    lift.rangesFrom = rangesId;
    this.discard(rangesId);
    return file;
  }

  discard(id: string): void {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (upload) rmSync(dirname(upload.file), { recursive: true, force: true });
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new AppError('NotFound', `no upload ${id}: start again`);
    return upload;
  }
}

function kindOf(name: string): UploadKind | undefined {
  if (/\.lift$/i.test(name)) return 'lift';
  if (/\.lift-ranges$/i.test(name)) return 'ranges';
  return undefined;
}
