import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser host: a request to our own loopback address (Host header, so a
 * DNS-rebinding page cannot), from our own page (Origin), carrying this launch's token.
 */
export class HostGuard {
  private readonly allowedHosts: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  }

  /** The Host header names us (not some rebound domain). */
  hostAllowed(request: IncomingMessage): boolean {
    return this.allowedHosts.has((request.headers.host ?? '').toLowerCase());
  }

  /** The Origin header, when present, is our own page. */
  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return false;
    try {
      const url = new URL(origin);
      return url.protocol === 'http:' && this.allowedHosts.has(url.host.toLowerCase());
    } catch {
      return false;
    }
  }

  tokenAllowed(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Why a WebSocket upgrade is refused, or undefined when it is allowed. */
  refuseUpgrade(request: IncomingMessage): string | undefined {
    if (!this.hostAllowed(request)) return 'foreign Host header';
    if (!this.originAllowed(request)) return 'foreign or missing Origin';
    const token = new URL(request.url ?? '/', 'http://host').searchParams.get('token');
    if (!this.tokenAllowed(token)) return 'missing or wrong token';
    return undefined;
  }
}
