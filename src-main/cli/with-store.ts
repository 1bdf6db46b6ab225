import { openStore, type Store } from '../worksets/store/index.js';
import { withSession, type CommandContext, type GlobalOptions } from './context.js';

/**
 * Runs a command with a BaseX session and the data folder's workset store. Runs left `running`
 * by a process that is gone are marked interrupted first, as the app does at start.
 */
export async function withStore(options: GlobalOptions, work: (context: CommandContext, store: Store) => Promise<void>): Promise<void> {
  await withSession(options, async (context) => {
    const store = openStore(context.dataFolder);
    try {
      store.bulk.markInterrupted();
      await work(context, store);
    } finally {
      store.close();
    }
  });
}
