/**
 * Presence: who has which workset and entry open right now, on any desktop connected to the
 * dictionary's server. Soft only: it locks nothing, and a window that stops saying where it is
 * drops out after PRESENCE_TTL_SECONDS.
 */
export interface Presence {
  /** The window's key (its app instance and window id): one per open window. */
  readonly key: string;
  /** The person's name, as their app records changes. */
  readonly who: string;
  readonly host: string;
  readonly dictionary: string;
  readonly worksetId: number | null;
  /** The entry open in that window's entry pane. */
  readonly guid: string | null;
  /** When the window last said where it is (the server's clock). */
  readonly at: string;
}

/** Where a window is: the dictionary it shows, and the workset and entry it has open. */
export interface PresencePlace {
  readonly dictionary: string;
  readonly worksetId?: number;
  readonly guid?: string;
}

/** A window that has not said where it is for this long is no longer shown as present. */
export const PRESENCE_TTL_SECONDS = 30;
