import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { ApiResult } from '../ipc/contract.js';
import type { ExportResult } from '../domain/dictionaries.js';
import type { SheetExportResult } from '../domain/sheets.js';
import { CONTENT_SECURITY_POLICY, notFound } from './static-files.js';

/** Where the browser fetches an offered file: `/downloads/<id>/<file name>`. */
const PREFIX = '/downloads/';
/** An export left undownloaded this long is no longer offered. */
const LIFETIME_MS = 30 * 60_000;

interface Offer {
  readonly windowId: string;
  readonly file: string;
  readonly expires: number;
}

/**
 * Exports handed to the browser as downloads. A page cannot choose a local path, so on the
 * browser host `dictionaries.export` writes into the data folder's exports/ and the host offers
 * that file — and only files an export just wrote for that socket — under an unguessable
 * address, until the window closes or the offer expires.
 */
export class Downloads {
  private readonly offers = new Map<string, Offer>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds download addresses to a successful `dictionaries.export` or `sheets.export` result for this window. */
  offerExport(windowId: string, channel: unknown, result: ApiResult<unknown>): ApiResult<unknown> {
    if ((channel !== 'dictionaries.export' && channel !== 'sheets.export') || !result.ok) return result;
    const value = result.value as ExportResult | SheetExportResult;
    return {
      ok: true,
      value: {
        ...value,
        download: this.offer(windowId, value.file),
      },
    };
  }

  forget(windowId: string): void {
    for (const [id, offer] of this.offers) if (offer.windowId === windowId) this.offers.delete(id);
  }

  /** Answers a request under /downloads/; false when the path is not ours to answer. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const pathname = new URL(request.url ?? '/', 'http://host').pathname;
    if (!pathname.startsWith(PREFIX)) return false;
    const offer = this.offers.get(pathname.slice(PREFIX.length).split('/')[0] ?? '');
    if (!offer || offer.expires <= this.now() || (request.method !== 'GET' && request.method !== 'HEAD')) {
      notFound(response);
      return true;
    }
    let size: number;
    try {
      size = statSync(offer.file).size;
    } catch {
      notFound(response);
      return true;
    }
    const name = basename(offer.file);
    response.writeHead(200, {
      'Content-Type': contentType(name),
      'Content-Length': size,
      'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(offer.file).pipe(response);
    return true;
  }

  private offer(windowId: string, file: string): string {
    for (const [id, old] of this.offers) if (old.expires <= this.now()) this.offers.delete(id);
    const id = randomBytes(24).toString('base64url');
    this.offers.set(id, { windowId, file, expires: this.now() + LIFETIME_MS });
    return `${PREFIX}${id}/${encodeURIComponent(basename(file))}`;
  }
}

function contentType(name: string): string {
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}
