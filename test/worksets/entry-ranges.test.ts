import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { DictionaryVocabulary } from '../../src-main/domain/dictionaries.js';
import { findRangeValue } from '../../src-main/domain/range-values.js';
import { fieldEditSchema } from '../../src-main/ipc/contract/edit.js';
import { importLift } from '../../src-main/lift/import.js';
import { dictionaryVocabulary } from '../../src-main/lift/vocabulary.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

/**
 * Grammatical info, traits and semantic domains from a dictionary's ranges, custom fields the
 * header declares, and notes of every type, edited in one entry of FLEx's AllFLExFields export:
 * each edit is one change, undone byte for byte; range values compare after NFC.
 */
const ALL_FIELDS = resolve(import.meta.dirname, '../../../shared/lift/AllFLExFields/AllFLExFields.lift');
const PUMI = resolve(import.meta.dirname, '../../../shared/lift/Pumi_2019/Pumi_2019.lift');
const GUID = '0a18bb95-0eb2-422e-bf7e-c1fd90274670';

/** A LIFT whose ranges and entry hold a semantic domain decomposed (NFD), as FLEx writes ranges. */
const NFD_DOMAIN = '1.1 Ce\u0301u';
const NFD_LIFT = `<?xml version="1.0" encoding="UTF-8"?>
<lift version="0.13"><header><ranges><range id="semantic-domain-ddp4" href="file://x/nfd.lift-ranges"/></ranges></header>
<entry id="a" guid="11111111-1111-1111-1111-111111111111"><lexical-unit><form lang="seh"><text>nkhuni</text></form></lexical-unit>
<sense id="s1"><gloss lang="en"><text>firewood</text></gloss><trait name="semantic-domain-ddp4" value="${NFD_DOMAIN}"/></sense></entry>
</lift>
`;
const NFD_RANGES = `<?xml version="1.0" encoding="UTF-8"?>
<lift-ranges><range id="semantic-domain-ddp4">
<range-element id="${NFD_DOMAIN}"><label><form lang="en"><text>Ce\u0301u</text></form></label><abbrev><form lang="en"><text>1.1</text></form></abbrev></range-element>
<range-element id="1.2 Ar"><label><form lang="en"><text>Ar</text></form></label></range-element>
</range>
</lift-ranges>
`;

describe('ranges, custom fields and notes in the entry pane', () => {
  const folder = mkdtempSync(join(tmpdir(), 'wb-entry-ranges-'));
  const db = uniqueName('ranges');
  const nfdDb = uniqueName('nfd');
  const pumiDb = uniqueName('pumi');
  let session: BaseXSession;
  let store: Store;
  let ana: EntryService;
  let vocabulary: DictionaryVocabulary;

  beforeAll(async () => {
    session = await connectTestSession();
    writeFileSync(join(folder, 'nfd.lift'), NFD_LIFT);
    writeFileSync(join(folder, 'nfd.lift-ranges'), NFD_RANGES);
    await importLift(session, ALL_FIELDS, { database: db });
    await importLift(session, join(folder, 'nfd.lift'), { database: nfdDb });
    store = openStore(folder);
    ana = new EntryService(store, { ...TEST_AUTHOR, who: 'Ana', instance: 'ana' });
    vocabulary = await dictionaryVocabulary(session, db);
  });
  afterAll(async () => {
    store?.close();
    for (const name of [db, nfdDb, pumiDb]) await dropDictionary(session, name).catch(() => undefined);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Applies each edit in turn, then undoes them newest first: each undo gives back the entry exactly as before it. */
  // A domain the sense has is not added twice: that edit changes nothing, and is no change.
  async function editAndUndo(edits: Parameters<EntryService['edit']>[4][]): Promise<string[]> {
    const opened = await ana.get(session, db, GUID);
    const xmls = [opened.xml];
    const changes: number[] = [];
    let version = opened.version;
    for (const edit of edits) {
      const saved = await ana.edit(session, db, GUID, version, fieldEditSchema.parse(edit), 'w1');
      if (saved.change === undefined) expect(saved.xml, `${JSON.stringify(edit)} changed nothing`).toBe(xmls.at(-1));
      xmls.push(saved.xml);
      changes.push(saved.change ?? 0);
      version = saved.version;
    }
    for (let i = changes.length - 1; i >= 0; i--) if (changes[i]) expect((await ana.revert(session, db, changes[i])).xml).toBe(xmls[i]);
    return xmls.slice(1);
  }

  it('offers each trait’s range values with labels and abbreviations, the note types, and the header’s custom fields where they live', async () => {
    expect(vocabulary.traitValues['morph-type']).toContainEqual({ id: 'stem', label: 'stem', abbreviation: 'ubd stem' });
    expect(vocabulary.traitValues['usage-type']?.length).toBeGreaterThan(3);
    expect(vocabulary.partsOfSpeech.find((p) => p.id === 'Noun')).toMatchObject({ label: 'Noun', abbreviation: 'n' });
    expect(vocabulary.noteTypes.map((t) => t.id)).toEqual(expect.arrayContaining(['bibliography', 'grammar', 'restrictions']));
    const owners = Object.fromEntries(vocabulary.customFieldDefinitions.map((f) => [f.tag, f.owner]));
    expect(owners).toMatchObject({ 'literal-meaning': 'entry', 'summary-definition': 'entry', 'scientific-name': 'sense', 'import-residue': 'entry-or-sense', 'cv-pattern': 'other', comment: 'other' });
    await importLift(session, PUMI, { database: pumiDb });
    const pumi = await dictionaryVocabulary(session, pumiDb);
    expect(pumi.customFieldDefinitions.filter((f) => f.owner === 'sense' && f.langs === 'analysis').length).toBeGreaterThan(0);
    expect(pumi.customFieldDefinitions.filter((f) => f.owner === 'entry').length).toBeGreaterThan(0);
  });

  it('sets a part of speech and the entry’s morph type from the ranges; adds and removes semantic domains and a sense trait', async () => {
    const domain = vocabulary.semanticDomains.find((d) => d.id.startsWith('1.1 '))?.id ?? '';
    const [pos, morph, added, second, removed, trait, untrait] = await editAndUndo([
      { action: 'set', field: 'pos', sense: 0, value: 'Verb' },
      { action: 'set', field: 'trait', name: 'morph-type', onEntry: true, value: 'root' },
      { action: 'add', field: 'semantic-domain', sense: 0, value: domain },
      { action: 'add', field: 'semantic-domain', sense: 0, value: domain },
      { action: 'delete', field: 'semantic-domain', sense: 0, value: '9.1.3.1 Physical, non-physical' },
      { action: 'add', field: 'trait', name: 'usage-type', sense: 0, value: 'archaic' },
      { action: 'delete', field: 'trait', name: 'usage-type', sense: 0, value: 'archaic' },
    ]);
    expect(pos).toMatch(/<sense id="aa7fce82[^>]*>\s*<grammatical-info value="Verb">/);
    expect(morph).toContain('<trait name="morph-type" value="root"/>');
    expect(added.match(/name="semantic-domain-ddp4"/g)).toHaveLength(2);
    expect(second).toBe(added);
    expect(removed).not.toContain('9.1.3.1 Physical');
    expect(removed).toContain(`value="${domain}"`);
    expect(trait).toContain('<trait name="usage-type" value="archaic"/>');
    expect(untrait).not.toContain('usage-type" value="archaic"');
  });

  it('edits a custom field on the entry alone (its sense keeps its own), and a note of each type: set, add a type, clear', async () => {
    const [custom, senseCustom, typed, added, cleared, senseNote] = await editAndUndo([
      { action: 'set', field: 'custom', name: 'import-residue', onEntry: true, lang: 'en', value: 'Entry residue' },
      { action: 'set', field: 'custom', name: 'scientific-name', sense: 0, lang: 'fr', value: 'Nom savant' },
      { action: 'set', field: 'note', name: 'bibliography', lang: 'en', value: 'Smith 1999' },
      { action: 'set', field: 'note', name: 'grammar', lang: 'en', value: 'A new grammar note' },
      { action: 'clear', field: 'note', name: 'restrictions' },
      { action: 'set', field: 'note', name: 'discourse', sense: 0, lang: 'en', value: 'Changed discourse' },
    ]);
    expect(custom).toMatch(/<field type="import-residue">\s*<form lang="en"><text>Entry residue<\/text>/);
    expect(custom).toContain('A Sense Import Resdue');
    expect(senseCustom).toMatch(/<field type="scientific-name">\s*<form lang="en"><text>A Scientific Name<\/text><\/form>\s*<form lang="fr"><text>Nom savant<\/text><\/form>/);
    expect(typed).toContain('<text>Smith 1999</text>');
    expect(typed).toContain('A Sense Biliography');
    expect(added).toMatch(/<note type="grammar"><form lang="en"><text>A new grammar note<\/text><\/form><\/note>/);
    // The entry's restrictions note goes; the sense's stays.
    expect(cleared.match(/<note type="restrictions">/g)).toHaveLength(1);
    expect(senseNote).toContain('<text>Changed discourse</text>');
  });

  it('compares range values after NFC: a decomposed value stored or typed matches its composed range value', async () => {
    const nfd = await dictionaryVocabulary(session, nfdDb);
    const composed = NFD_DOMAIN.normalize('NFC');
    expect(nfd.semanticDomains.map((d) => d.id)).toEqual([composed, '1.2 Ar']);
    expect(findRangeValue(nfd.semanticDomains, NFD_DOMAIN)?.id).toBe(composed);
    expect(findRangeValue(nfd.semanticDomains, 'ce\u0301u')?.id).toBe(composed);
    const guid = '11111111-1111-1111-1111-111111111111';
    const opened = await ana.get(session, nfdDb, guid);
    // The composed value from the picker is the decomposed one the sense holds: nothing added.
    const again = await ana.edit(session, nfdDb, guid, opened.version, { action: 'add', field: 'semantic-domain', sense: 0, value: composed });
    expect(again.xml).toBe(opened.xml);
    const removed = await ana.edit(session, nfdDb, guid, opened.version, { action: 'delete', field: 'semantic-domain', sense: 0, value: composed });
    expect(removed.xml).not.toContain('semantic-domain-ddp4');
    expect((await ana.revert(session, nfdDb, removed.change ?? 0)).xml).toBe(opened.xml);
  });

  it('refuses a value-list edit that does not say which value or where, in words', () => {
    expect(fieldEditSchema.safeParse({ action: 'add', field: 'trait', name: 'usage-type', value: 'archaic' }).error?.issues[0]?.message).toBe('add needs where: a sense, or the entry (onEntry)');
    expect(fieldEditSchema.safeParse({ action: 'delete', field: 'semantic-domain', sense: 0 }).error?.issues[0]?.message).toBe('delete needs the semantic-domain value (value)');
    expect(fieldEditSchema.safeParse({ action: 'set', field: 'pos', onEntry: true, value: 'n' }).error?.issues[0]?.message).toBe('pos is not something the entry itself has');
  });
});
