import { useCallback, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { useApi } from './api-context.js';
import { useEvent } from './use-event.js';
import { useExport } from './use-export.js';

/** What the File menu has to say that is not an import or an export in progress. */
export type MenuNotice = { readonly tone: 'info'; readonly text: string } | { readonly tone: 'error'; readonly what: string; readonly error: ApiCallError };

interface Options {
  /** The dictionary this window shows: the one chosen at home, or the open workset's. */
  readonly dictionary: string | null;
  /** Back to the dictionaries view (where imports and new worksets are shown). */
  readonly goHome: () => void;
  readonly importPath: (path: string) => void;
  readonly createWorkset: () => void;
}

/**
 * The File menu's commands (Electron sends them as `menu` events to the focused window), from
 * every view: Import opens the native dialog and shows the import on the dictionaries view;
 * Export exports the dictionary on screen (or the open workset's) and says so when there is
 * none; New Workset opens the query builder for it.
 */
export function useFileMenu({ dictionary, goHome, importPath, createWorkset }: Options) {
  const api = useApi();
  const exporter = useExport(dictionary);
  const [notice, setNotice] = useState<MenuNotice | null>(null);

  const importFromDialog = async (): Promise<void> => {
    if (api.platform !== 'electron') {
      // A page may open its file chooser only from a click, never from an event.
      goHome();
      setNotice({ tone: 'info', text: 'To import a dictionary here, use “Import LIFT…” or drop a .lift file (with its .lift-ranges) on this window.' });
      return;
    }
    try {
      const { file } = await api.dialogs.openLift();
      if (!file) return;
      goHome();
      importPath(file);
    } catch (error) {
      setNotice({ tone: 'error', what: 'Could not open the file dialog:', error: asApiCallError('dialogs.openLift', error) });
    }
  };

  useEvent('menu', ({ command }) => {
    setNotice(null);
    switch (command) {
      case 'import':
        void importFromDialog();
        break;
      case 'export':
        void exporter.run();
        break;
      case 'new-workset':
        if (dictionary === null) {
          setNotice({ tone: 'info', text: 'A workset belongs to a dictionary: pick or import one first.' });
          break;
        }
        goHome();
        createWorkset();
        break;
    }
  });

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { exporter, notice, dismissNotice };
}
