import { openWorksetServices, type WorksetServices } from '../worksets/workset-services.js';
import { withSession, type CommandContext, type GlobalOptions } from './context.js';

/** Runs a command with a BaseX session and the data folder's workset services (as the app builds them). */
export async function withStore(options: GlobalOptions, work: (context: CommandContext, services: WorksetServices) => Promise<void>): Promise<void> {
  await withSession(options, async (context) => {
    const services = openWorksetServices(context.dataFolder, { who: options.user });
    try {
      await work(context, services);
    } finally {
      services.close();
    }
  });
}
