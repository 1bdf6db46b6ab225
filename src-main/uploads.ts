import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from './domain/app-error.js';

interface Upload {
  readonly file: string;
  readonly size: number;
  received: number;
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
    if (!/\.lift$/i.test(name)) throw new AppError('Invalid', `${fileName} is not a .lift file`);
    const id = randomBytes(12).toString('hex');
    const folder = join(this.root, id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    this.uploads.set(id, { file: join(folder, name), size, received: 0 });
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
    if (upload.size === 0) throw new AppError('Invalid', 'the uploaded file is empty');
    return upload.file;
  }

  discard(id: string): void {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (upload) rmSync(join(upload.file, '..'), { recursive: true, force: true });
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new AppError('NotFound', `no upload ${id}: start again`);
    return upload;
  }
}
