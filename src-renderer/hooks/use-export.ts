import { useCallback, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { ExportResult } from '../api/contract.js';
import { useApi } from './api-context.js';

export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'exporting' }
  | { readonly phase: 'done'; readonly result: ExportResult }
  | { readonly phase: 'failed'; readonly error: ApiCallError };

/**
 * Exports a dictionary: in Electron to a file the user picks; in the browser the host writes it
 * into the data folder's exports/ (a page cannot choose a local path) and we show where.
 */
export function useExport(dictionary: string) {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const run = useCallback(async () => {
    try {
      let file: string | undefined;
      if (api.platform === 'electron') {
        const picked = await api.dialogs.saveLift({ defaultName: `${dictionary}.lift` });
        if (picked.file === null) return;
        file = picked.file;
      }
      setState({ phase: 'exporting' });
      setState({ phase: 'done', result: await api.dictionaries.export({ database: dictionary, file }) });
    } catch (error) {
      setState({ phase: 'failed', error: asApiCallError('dictionaries.export', error) });
    }
  }, [api, dictionary]);
  return { state, run, dismiss: () => setState({ phase: 'idle' }) };
}
