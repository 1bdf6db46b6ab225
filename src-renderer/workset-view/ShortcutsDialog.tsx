import { shownAccelerator, WORKSET_MENU } from '../api/contract.js';
import { Dialog } from '../ui/Dialog.js';

/** Every shortcut of the workset view, in one list (`?` opens it). */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly what: string }[] = [
  { keys: ['←', '↑'], what: 'Previous entry' },
  { keys: ['→', '↓'], what: 'Next entry' },
  { keys: ['Tab'], what: 'To the work list; Enter opens the focused row' },
  { keys: ['Ctrl+click', 'Space'], what: 'Select a row, or not (a bulk edit then offers the selected entries)' },
  { keys: ['Shift+click'], what: 'Select the rows from the last one picked' },
  { keys: ['D'], what: 'Mark done' },
  { keys: ['R'], what: 'Mark for review' },
  { keys: ['P'], what: 'Mark pending' },
  { keys: ['F'], what: 'Favourite, or not' },
  { keys: ['Enter'], what: 'Save a one-line field' },
  { keys: ['Ctrl+Enter'], what: 'Save a multi-line field (Enter starts a new line)' },
  { keys: ['Esc'], what: 'Cancel an edit, close a dialog' },
  { keys: ['Ctrl+Z'], what: 'Undo your last change' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], what: 'Redo' },
  { keys: ['Ctrl+K'], what: 'Quick search: find any entry of the dictionary' },
  { keys: ['?'], what: 'This list' },
  // The desktop app's Workset menu (a browser keeps these keys for itself).
  ...WORKSET_MENU.map((item) => ({ keys: [shownAccelerator(item.accelerator)], what: `${item.label.replace('…', '')} (desktop app, Workset menu)` })),
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(({ keys, what }) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">The letter keys work when no field is being edited. “Mark and move on”, in the toolbar, goes to the next entry after D, R or P.</p>
    </Dialog>
  );
}
