import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The environment variable that names the data folder (tests run instances side by side with it). */
export const DATA_FOLDER_VARIABLE = 'WORKSET_BROWSER_DATA';

/**
 * The one data folder the app and the CLI share: an explicit choice, else
 * `$WORKSET_BROWSER_DATA`, else the platform's user data folder — the same place Electron's
 * `app.getPath('userData')` gives for an app named "Workset Browser".
 */
export function resolveDataFolder(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  const fromEnv = env[DATA_FOLDER_VARIABLE];
  if (fromEnv) return resolve(fromEnv);
  return platformUserData(env);
}

function platformUserData(env: NodeJS.ProcessEnv): string {
  const name = 'Workset Browser';
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', name);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
  }
}
