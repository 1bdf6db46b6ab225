import type { FieldEdit } from '../api/contract.js';

/** A change to the entry's shape (a sense or example added, deleted or moved), with the words the undo list shows for it. */
export type ShapeChange = (edit: FieldEdit, label: string) => Promise<unknown>;
