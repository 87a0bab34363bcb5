import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { storageTargets } from '../../engine/storage/storage-test-targets.js';
import { openServerStorage, type SqlClient } from '../storage/server-storage.js';
import { FoundItemRegister, type FoundItemEntry, type LossEntry } from './found-item-register.js';
import { placeWords } from './place-words.js';

const find = (aktenzeichen: string, foundOn: string, place: string, category = 'SCHLUESSEL'): FoundItemEntry => ({
  aktenzeichen, processInstanceKey: '1', category, publicDescription: 'Schlüssel', publicPlace: place, foundOn, placeWords: placeWords(place),
});
const loss = (aktenzeichen: string, lostFrom: string, matchUntil: string, place: string, category = 'SCHLUESSEL'): LossEntry => ({
  aktenzeichen, processInstanceKey: '2', category, lostFrom, matchUntil, placeWords: placeWords(place),
});

describe('the words of a place', () => {
  it('folds case and umlauts, splits off street endings and drops numbers and filler words', () => {
    expect(placeWords('Bank vor dem Rathaus, Marktplatz 1')).toEqual(['bank', 'markt', 'marktplatz', 'rathaus']);
    expect(placeWords('Brückenstr. 12')).toEqual(['bruecken', 'brueckenstr']);
    expect(placeWords('BRÜCKENSTRASSE')).toEqual(['bruecken', 'brueckenstrasse']);
    expect(placeWords('irgendwo unterwegs in Leichlingen')).toEqual([]);
  });
});

describe.each(storageTargets())('the found-items register on $name', (target) => {
  let sql: SqlClient;
  let register: FoundItemRegister;
  beforeAll(async () => {
    await target.setUp();
    sql = await openServerStorage(target.freshOptions());
    register = new FoundItemRegister(sql);
    await register.recordFind(find('F-1', '2026-03-02', 'Bahnhof'));
    await register.recordFind(find('F-2', '2026-03-05', 'Stadtpark am Weiher'));
    await register.recordFind(find('F-3', '2026-03-03', 'Stadtpark'));
    await register.recordFind(find('F-4', '2026-02-27', 'Stadtpark'));
    await register.recordFind(find('F-5', '2026-03-20', 'Stadtpark'));
    await register.recordFind(find('F-6', '2026-03-02', 'Stadtpark', 'TASCHE'));
  });
  afterAll(async () => {
    await sql.close();
    await target.tearDown();
  });

  it('proposes the stored finds of the category found in the loss\'s window, most shared place words first, then the earliest', async () => {
    const candidates = await register.candidatesFor(loss('V-1', '2026-03-01', '2026-03-15', 'Stadtpark, Weiher'), 10);
    expect(candidates.map((each) => [each.aktenzeichen, each.sharedPlaceWords])).toEqual([
      ['F-2', ['stadtpark', 'weiher']], ['F-3', ['stadtpark']], ['F-1', []],
    ]);
    expect(await register.candidatesFor(loss('V-1', '2026-03-01', '2026-03-15', 'Stadtpark'), 1)).toHaveLength(1);
  });

  it('finds the open losses a new find falls into, and forgets a removed loss', async () => {
    await register.indexLoss(loss('V-2', '2026-03-01', '2026-03-31', 'Bahnhof'));
    await register.indexLoss(loss('V-3', '2026-03-10', '2026-04-09', 'Bahnhof'));
    await register.indexLoss(loss('V-4', '2026-03-01', '2026-03-31', 'Bahnhof', 'TASCHE'));
    expect(await register.lossesMatching({ category: 'SCHLUESSEL', foundOn: '2026-03-12' })).toEqual(['V-2', 'V-3']);
    expect(await register.lossesMatching({ category: 'SCHLUESSEL', foundOn: '2026-03-05' })).toEqual(['V-2']);
    await register.removeLoss('V-2');
    expect(await register.lossesMatching({ category: 'SCHLUESSEL', foundOn: '2026-03-12' })).toEqual(['V-3']);
  });

  it('lets one loss claim a stored find, again when retried, and no other loss after it', async () => {
    expect(await register.claim('F-5', 'V-7')).toBe(true);
    expect(await register.claim('F-5', 'V-7')).toBe(true);
    expect(await register.claim('F-5', 'V-8')).toBe(false);
    expect(await register.claim('F-unknown', 'V-8')).toBe(false);
    expect(await register.stateOf('F-5')).toBe('claimed');
    expect(await register.candidatesFor(loss('V-9', '2026-03-15', '2026-03-31', 'Stadtpark'), 10)).toEqual([]);
  });

  it('records when a find left the Fundbüro', async () => {
    await register.setState('F-4', 'owner-acquired');
    await register.setState('F-4', 'disposed');
    const [row] = await sql.query<{ state: string; left: boolean }>(`SELECT state, left_at IS NOT NULL AS left FROM found_items WHERE aktenzeichen = 'F-4'`);
    expect(row).toEqual({ state: 'disposed', left: true });
    expect(await register.setState('F-unknown', 'disposed')).toBe(false);
  });
});
