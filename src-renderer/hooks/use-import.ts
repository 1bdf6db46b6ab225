import { useCallback, useRef, useState } from 'react';
import { ApiCallError, asApiCallError } from '../api/api-error.js';
import { isImportWouldReplace, type ImportResult, type ImportWouldReplace } from '../api/contract.js';
import { uploadFile } from '../api/upload.js';
import { chooseImportFiles, listed } from '../dictionaries/import-files.js';
import { useApi } from './api-context.js';
import { useTaskProgress, type TaskProgress } from './use-task-progress.js';

/** What `dictionaries.import` reads: a path (Electron's dialog), or uploads (a .lift and maybe its ranges). */
type ImportSource = { readonly file?: string; readonly uploadId?: string; readonly rangesUploadId?: string };

export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly fileName: string; readonly sent: number; readonly size: number }
  | { readonly phase: 'importing'; readonly fileName: string; readonly progress: TaskProgress | null }
  | { readonly phase: 'done'; readonly fileName: string; readonly result: ImportResult }
  | { readonly phase: 'failed'; readonly fileName: string; readonly error: ApiCallError }
  /** A dictionary of that name exists: the user says whether to replace it (it is kept as a backup). */
  | { readonly phase: 'confirm'; readonly fileName: string; readonly would: ImportWouldReplace };

/**
 * Imports a LIFT file: a browser File (and its .lift-ranges, when given with it) is uploaded in chunks first; a path (Electron's dialog)
 * goes straight to `dictionaries.import`. Progress comes from the upload and then from the
 * import's own events. Onto an existing dictionary it is refused first: the user is asked, and
 * `replace` sends the same file (upload or path, which main keeps for that) again to replace it.
 */
export function useImport() {
  const api = useApi();
  const { progress, begin } = useTaskProgress();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const waiting = useRef<{ fileName: string; from: ImportSource } | null>(null);

  const run = useCallback(
    async (fileName: string, source: () => Promise<ImportSource>, replace = false) => {
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

  /** A .lift the page holds, with its .lift-ranges when the person gave both (see chooseImportFiles). */
  const importFiles = useCallback(
    (files: readonly File[]) => {
      const choice = chooseImportFiles(files);
      if (!choice.ok) {
        // The person's choice, not a fault: Invalid, so no advice to retry comes with it.
        setState({ phase: 'failed', fileName: choice.label, error: new ApiCallError('dictionaries.import', { code: 'Invalid', message: choice.problem }) });
        return Promise.resolve(null);
      }
      const { lift, ranges } = choice;
      const fileName = lift.name;
      const label = listed([lift.name, ...(ranges ? [ranges.name] : [])]);
      const size = lift.size + (ranges?.size ?? 0);
      const uploading = (sent: number): void => setState({ phase: 'uploading', fileName: label, sent, size });
      uploading(0);
      return run(fileName, async () => {
        const uploadId = await uploadFile(api, lift, uploading);
        if (!ranges) return { uploadId };
        return { uploadId, rangesUploadId: await uploadFile(api, ranges, (sent) => uploading(lift.size + sent)) };
      });
    },
    [api, run],
  );

  const importPath = useCallback((path: string) => run(path.split(/[\\/]/).pop() ?? path, async () => ({ file: path })), [run]);

  const current: ImportState = state.phase === 'importing' ? { ...state, progress } : state;
  return { state: current, importFiles, importPath, replace, dismiss: () => setState({ phase: 'idle' }) };
}
