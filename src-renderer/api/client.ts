import { asApiCallError, ApiCallError } from './api-error.js';
import { CHANNEL_NAMES } from './contract.js';
import type { Channel, ChannelArgs, ChannelResult, RendererApi } from './contract.js';

/**
 * The renderer calls named functions, not channels: `api.worksets.page({ id, offset, limit })`
 * resolves to a WorksetPage or throws an ApiCallError.
 *
 * The shape is derived from the contract's channel names (`group.method`) with mapped types, so
 * a channel added to the contract appears here with its argument and result types, and nobody
 * writes a channel name or a signature twice.
 */

/** `worksets` from `worksets.page`. */
type GroupOf<C extends Channel> = C extends `${infer G}.${string}` ? G : never;
/** `page` from `worksets.page`, for channels of group G. */
type MethodOf<C extends Channel, G extends string> = C extends `${G}.${infer M}` ? M : never;

/** Channels whose arguments are all optional (`app.status`, `dialogs.openLift`) may be called without any. */
type CallOf<C extends Channel> = Record<never, never> extends ChannelArgs<C>
  ? (args?: ChannelArgs<C>) => Promise<ChannelResult<C>>
  : (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;

export type ApiGroups = {
  readonly [G in GroupOf<Channel>]: { readonly [C in Channel as MethodOf<C, G>]: CallOf<C> };
};

export type ApiClient = ApiGroups & {
  readonly platform: RendererApi['platform'];
  readonly on: RendererApi['on'];
};

/** Unwraps a result value or throws its error; a transport failure becomes Unavailable. */
async function invoke<C extends Channel>(raw: RendererApi, channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  let result;
  try {
    result = await raw.call(channel, args);
  } catch (error) {
    const failed = asApiCallError(channel, error);
    throw new ApiCallError(channel, { code: 'Unavailable', message: `${channel} could not reach Workset Browser: ${failed.message}` });
  }
  if (!result.ok) throw new ApiCallError(channel, result.error);
  return result.value;
}

export function createClient(raw: RendererApi): ApiClient {
  const groups: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [group, method] = channel.split('.');
    groups[group] ??= {};
    groups[group][method] = (args) => invoke(raw, channel, (args ?? {}) as ChannelArgs<typeof channel>);
  }
  // Built from the same names the types are mapped from; TypeScript cannot follow the loop.
  return { ...(groups as unknown as ApiGroups), platform: raw.platform, on: raw.on.bind(raw) };
}
