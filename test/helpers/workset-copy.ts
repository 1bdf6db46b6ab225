import type { Store } from '../../src-main/worksets/store/index.js';

/** The local id of the data folder's copy of the server's workset `serverId` (tests run on one server). */
export function copyOf(store: Store, serverId: number): number {
  const copy = store.worksets.list().find((w) => w.serverId === serverId);
  if (!copy) throw new Error(`this data folder holds no copy of workset ${serverId}`);
  return copy.id;
}
