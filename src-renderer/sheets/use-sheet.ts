import { useCallback, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { SheetExportResult, SheetFormat, SheetImportResult, SheetUndoResult } from '../api/contract.js';
import { startDownload } from '../api/download.js';
import { toBase64 } from '../api/upload.js';
import { useApi } from '../hooks/api-context.js';

/** The sheet a window holds the bytes of: previewed, then applied (from the same bytes). */
interface ChosenSheet {
  readonly fileName: string;
  readonly base64: string;
}

export type SheetImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading' | 'applying' | 'undoing'; readonly preview?: SheetImportResult }
  | { readonly phase: 'previewed'; readonly preview: SheetImportResult }
  | { readonly phase: 'applied'; readonly outcome: SheetImportResult }
  | { readonly phase: 'undone'; readonly undone: SheetUndoResult };

/**
 * A workset as a spreadsheet: export (the browser downloads it; Electron says where it was
 * written), and import of an edited one: read and previewed, applied, and undone as a whole.
 */
export function useSheet(worksetId: number) {
  const api = useApi();
  const [exported, setExported] = useState<SheetExportResult | null>(null);
  const [exporting, setExporting] = useState(false);
  const [sheet, setSheet] = useState<ChosenSheet | null>(null);
  const [state, setState] = useState<SheetImportState>({ phase: 'idle' });
  const [error, setError] = useState<ApiCallError | null>(null);

  const exportAs = useCallback(
    async (format: SheetFormat, columns: readonly string[]) => {
      setError(null);
      setExporting(true);
      try {
        const result = await api.sheets.export({ worksetId, format, columns: columns.length > 0 ? [...columns] : undefined });
        if (result.download) startDownload(result.download);
        setExported(result);
      } catch (e) {
        setError(asApiCallError('sheets.export', e));
      } finally {
        setExporting(false);
      }
    },
    [api, worksetId],
  );

  const preview = useCallback(
    async (file: File) => {
      setError(null);
      setState({ phase: 'reading' });
      try {
        const chosen = { fileName: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
        setSheet(chosen);
        setState({ phase: 'previewed', preview: await api.sheets.import({ worksetId, ...chosen, apply: false }) });
      } catch (e) {
        setState({ phase: 'idle' });
        setError(asApiCallError('sheets.import', e));
      }
    },
    [api, worksetId],
  );

  const apply = useCallback(async () => {
    if (!sheet || state.phase !== 'previewed') return;
    setError(null);
    setState({ phase: 'applying', preview: state.preview });
    try {
      setState({ phase: 'applied', outcome: await api.sheets.import({ worksetId, ...sheet, apply: true }) });
    } catch (e) {
      setState({ phase: 'previewed', preview: state.preview });
      setError(asApiCallError('sheets.import', e));
    }
  }, [api, worksetId, sheet, state]);

  const undo = useCallback(async () => {
    if (state.phase !== 'applied' || state.outcome.records.length === 0) return;
    setError(null);
    const outcome = state.outcome;
    setState({ phase: 'undoing' });
    try {
      setState({ phase: 'undone', undone: await api.sheets.undo({ worksetId, records: [...outcome.records] }) });
    } catch (e) {
      setState({ phase: 'applied', outcome });
      setError(asApiCallError('sheets.undo', e));
    }
  }, [api, worksetId, state]);

  return { exported, exporting, exportAs, state, preview, apply, undo, error };
}
