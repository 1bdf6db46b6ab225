import type { RawData } from 'ws';
import type { ApiResult, EventName, EventPayloads } from '../ipc/contract.js';

/**
 * The browser host's messages: JSON text frames. A call carries an id the answer repeats, so
 * a window may have several calls in flight.
 */
export type ServerMessage =
  | { readonly type: 'hello'; readonly windowId: string }
  | { readonly type: 'result'; readonly id: number | null; readonly result: ApiResult<unknown> }
  | { readonly type: 'event'; readonly event: EventName; readonly payload: EventPayloads[EventName] };

export type ParsedClientMessage =
  | { readonly ok: true; readonly id: number; readonly channel: unknown; readonly args: unknown }
  | { readonly ok: false; readonly id: number | null; readonly problem: string };

/** Reads a call frame; anything else becomes a problem to answer, never an exception. */
export function parseClientMessage(data: RawData, isBinary: boolean): ParsedClientMessage {
  if (isBinary) return { ok: false, id: null, problem: 'binary frames are not accepted' };
  let value: unknown;
  try {
    value = JSON.parse(data.toString());
  } catch {
    return { ok: false, id: null, problem: 'message is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, id: null, problem: 'message is not an object' };
  const { id, type, channel, args } = value as Record<string, unknown>;
  const validId = typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
  if (validId === null) return { ok: false, id: null, problem: 'message has no numeric id' };
  if (type !== 'call') return { ok: false, id: validId, problem: `unknown message type ${JSON.stringify(type)?.slice(0, 50)}` };
  return { ok: true, id: validId, channel, args };
}
