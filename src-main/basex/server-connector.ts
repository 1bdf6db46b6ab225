import { ConnectionError } from './errors.js';
import { useEmbeddedServer, useServer, type ServerLease } from './server-launcher.js';
import { BaseXSession, type BaseXAddress } from './client-session.js';

/**
 * Opens sessions on the app's BaseX server and brings the embedded one back if it died: a
 * refused connection to the embedded server starts it again (once, however many windows ask at
 * the same moment) before connecting. A team server named by BASEX_URL is never restarted.
 */
export class ServerConnector {
  private restarting: Promise<void> | undefined;

  private constructor(
    private lease: ServerLease,
    private readonly dataFolder: string,
  ) {}

  static async open(options: Parameters<typeof useServer>[0]): Promise<ServerConnector> {
    return new ServerConnector(await useServer(options), options.dataFolder);
  }

  get address(): BaseXAddress {
    return this.lease.address;
  }

  get embedded(): boolean {
    return this.lease.embedded;
  }

  async connect(): Promise<BaseXSession> {
    try {
      return await BaseXSession.connect(this.lease.address);
    } catch (error) {
      if (!this.lease.embedded || !(error instanceof ConnectionError)) throw error;
      await this.restart();
      return BaseXSession.connect(this.lease.address);
    }
  }

  release(): Promise<void> {
    return this.lease.release();
  }

  private restart(): Promise<void> {
    this.restarting ??= (async () => {
      try {
        const dead = this.lease;
        this.lease = await useEmbeddedServer(this.dataFolder);
        // Our new lease keeps the new server alive; the old one only needs its file removed.
        await dead.release();
      } finally {
        this.restarting = undefined;
      }
    })();
    return this.restarting;
  }
}
