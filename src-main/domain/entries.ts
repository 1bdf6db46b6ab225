import type { ChangeRecord } from './changes.js';

/**
 * An entry as a list or preview row shows it: the few fields a lexicographer scans, not the
 * whole LIFT entry.
 *
 * Text is whitespace-normalised (trimmed, inner runs made one space) and NFC, but keeps its
 * case. Values come from the entry's senses and their subsenses (at any depth) in document
 * order; empty forms are left out.
 */
export interface EntryViewModel {
  guid: string;
  id: string;
  /** First form per writing system of the lexical unit, or of the citation when it has none. */
  headword: Record<string, string>;
  /** Distinct parts of speech (grammatical-info values) in document order. */
  pos: string[];
  /** Glosses per writing system, in sense order. */
  glosses: Record<string, string[]>;
  /** Definitions per writing system, in sense order. */
  definitions: Record<string, string[]>;
  /** Number of top-level senses. */
  senses: number;
  /** The writing system of the headword and of the gloss that the work list sorts by (the first in the entry). */
  keyLangs?: { headword?: string; gloss?: string };
  dateCreated?: string;
  dateModified?: string;
}

/** An entry opened for reading and editing: its view, its XML and the version to edit against. */
export interface EntryDetail {
  readonly view: EntryViewModel;
  readonly xml: string;
  readonly version: string;
  /** A save left the entry deleted (a tombstone: no view, no XML to edit). */
  readonly deleted?: true;
}

/** An entry as a save (an edit or a revert) left it, with the change log's record of the save. */
export interface SavedEntry extends EntryDetail {
  /** The record's sequence number; absent when the save changed nothing. */
  readonly change?: number;
}

/** What a new entry starts with: its headword in a writing system, and optionally its first sense's gloss. */
export interface NewEntry {
  readonly lang: string;
  readonly headword: string;
  readonly gloss?: { readonly lang: string; readonly text: string };
}

/**
 * What a save that met a real conflict answers with: the entry as it is now, and the change to the
 * same field that someone made since the version the save started from (absent when the log
 * cannot tell which change it was).
 */
export interface EntryConflict extends EntryDetail {
  readonly change?: ChangeRecord;
}

/**
 * What a relation's `ref` points at: an entry (by its id or guid) or a sense (by its id) of the
 * dictionary, shown by the entry's headword and opened by its guid.
 */
export interface RelationTarget {
  readonly ref: string;
  readonly guid: string;
  readonly headword: string;
  /** The headword's writing system. */
  readonly lang: string;
  /** Set when the target is a sense: its gloss (the first), to tell it from its entry's other senses. */
  readonly gloss?: string;
}
