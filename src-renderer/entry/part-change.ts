import type { FieldEdit } from '../api/contract.js';

/**
 * An edit of a pronunciation, variant or relation, with the words the undo list shows for it,
 * made against the version the editor started from (the entry's version now, when absent).
 */
export type PartChange = (edit: FieldEdit, label: string, startedFrom?: string) => Promise<unknown>;
