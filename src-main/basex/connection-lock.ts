/** Gives back what `ConnectionLock.acquire` took; a second call does nothing. */
export type Release = () => void;

interface Waiter {
  readonly exclusive: boolean;
  readonly grant: () => void;
}

/**
 * Lets any number of calls share a connection, or one piece of work have it alone.
 *
 * Turns are granted first come, first served: a call that arrives while pinned work waits for
 * the calls before it, waits behind that work too, so the work is never starved.
 */
export class ConnectionLock {
  private sharing = 0;
  private exclusive = false;
  private readonly waiting: Waiter[] = [];

  /** Waits for a turn: shared for a single call, exclusive for pinned work. */
  async acquire(exclusive: boolean): Promise<Release> {
    if (this.waiting.length === 0 && this.canTake(exclusive)) this.take(exclusive);
    else await new Promise<void>((grant) => this.waiting.push({ exclusive, grant }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) this.exclusive = false;
      else this.sharing--;
      this.grantWaiting();
    };
  }

  private canTake(exclusive: boolean): boolean {
    return !this.exclusive && (!exclusive || this.sharing === 0);
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.exclusive = true;
    else this.sharing++;
  }

  private grantWaiting(): void {
    for (let next = this.waiting[0]; next !== undefined && this.canTake(next.exclusive); next = this.waiting[0]) {
      this.waiting.shift();
      this.take(next.exclusive);
      next.grant();
    }
  }
}
