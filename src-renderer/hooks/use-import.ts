import { useCallback, useRef, useState } from 'react';
import type { ApiCallError } from '../api/api-error.js';
import { asApiCallError } from '../api/api-error.js';
import { isImportWouldReplace, type ImportResult, type ImportWouldReplace } from '../api/contract.js';
import { uploadFile } from '../api/upload.js';
import { useApi } from './api-context.js';
import { useTaskProgress, type TaskProgress } from './use-task-progress.js';

export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly fileName: string; readonly sent: number; readonly size: number }
  | { readonly phase: 'importing'; readonly fileName: string; readonly progress: TaskProgress | null }
  | { readonly phase: 'done'; readonly fileName: string; readonly result: ImportResult }
  | { readonly phase: 'failed'; readonly fileName: string; readonly error: ApiCallError }
  /** A dictionary of that name exists: the user says whether to replace it (it is kept as a backup). */
  | { readonly phase: 'confirm'; readonly fileName: string; readonly would: ImportWouldReplace };

/**
 * Imports a LIFT file: a browser File is uploaded in chunks first; a path (Electron's dialog)
 * goes straight to `dictionaries.import`. Progress comes from the upload and then from the
 * import's own events. Onto an existing dictionary it is refused first: the user is asked, and
 * `replace` sends the same file (upload or path, which main keeps for that) again to replace it.
 */
export function useImport() {
  const api = useApi();
  const { progress, begin } = useTaskProgress();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const waiting = useRef<{ fileName: string; from: { file?: string; uploadId?: string } } | null>(null);

  const run = useCallback(
    async (fileName: string, source: () => Promise<{ file?: string; uploadId?: string }>, replace = false) => {
      waiting.current = null;
      try {
        const from = await source();
        setState({ phase: 'importing', fileName, progress: null });
        try {
          const result = await api.dictionaries.import({ ...from, ...(replace ? { replace } : {}), taskId: begin() });
          setState({ phase: 'done', fileName, result });
          return result;
        } catch (error) {
          const failed = asApiCallError('dictionaries.import', error);
          if (failed.code !== 'Conflict' || !isImportWouldReplace(failed.details)) throw failed;
          waiting.current = { fileName, from };
          setState({ phase: 'confirm', fileName, would: failed.details });
          return null;
        }
      } catch (error) {
        setState({ phase: 'failed', fileName, error: asApiCallError('dictionaries.import', error) });
        return null;
      }
    },
    [api, begin],
  );

  /** The user confirmed: import the same file again, replacing the dictionary. */
  const replace = useCallback(() => {
    const again = waiting.current;
    return again ? run(again.fileName, async () => again.from, true) : Promise.resolve(null);
  }, [run]);

  const importFile = useCallback(
    (file: File) => {
      if (!/\.lift$/i.test(file.name)) {
        setState({ phase: 'failed', fileName: file.name, error: asApiCallError('uploads.begin', new Error(`${file.name} is not a .lift file: choose a LIFT export from FLEx or WeSay`)) });
        return Promise.resolve(null);
      }
      setState({ phase: 'uploading', fileName: file.name, sent: 0, size: file.size });
      return run(file.name, async () => ({
        uploadId: await uploadFile(api, file, (sent) => setState({ phase: 'uploading', fileName: file.name, sent, size: file.size })),
      }));
    },
    [api, run],
  );

  const importPath = useCallback((path: string) => run(path.split(/[\\/]/).pop() ?? path, async () => ({ file: path })), [run]);

  const current: ImportState = state.phase === 'importing' ? { ...state, progress } : state;
  return { state: current, importFile, importPath, replace, dismiss: () => setState({ phase: 'idle' }) };
}
