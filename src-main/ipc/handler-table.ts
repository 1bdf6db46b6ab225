import type { Queryable } from '../basex/queryable.js';
import { toApiError } from './to-api-error.js';
import { channels, type ApiResult, type Channel, type ChannelResult, type EventName, type EventPayloads, type ParsedArgs } from './contract.js';

/** What a handler knows of its caller: the window, that window's BaseX session, its events. */
export interface HandlerContext {
  readonly windowId: string;
  readonly session: Queryable;
  /** Sends an event to this window only. */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

export type Handler<C extends Channel> = (ctx: HandlerContext, args: ParsedArgs<C>) => Promise<ChannelResult<C>>;
export type HandlerTable = { readonly [C in Channel]: Handler<C> };

function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

/**
 * Runs one call from any transport: checks the channel, validates the arguments against the
 * contract, runs the handler and turns every failure into a typed error value. Nothing thrown
 * here reaches the transport.
 */
export async function dispatch(table: HandlerTable, ctx: HandlerContext, channel: unknown, rawArgs: unknown): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'Invalid', message: `unknown channel ${JSON.stringify(channel)?.slice(0, 100)}` } };
  }
  try {
    const parsed = channels[channel].parse(rawArgs === undefined ? {} : rawArgs);
    const handler = table[channel] as (ctx: HandlerContext, args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(ctx, parsed) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
