/**
 * The Fundbüro's register (tables `found_items`, `loss_reports`): what the found-items worker writes for the
 * processes, what the public search reads, and the candidate queries of the matching. Dates are ISO days (YYYY-MM-DD).
 */
import { escapeLike } from '../storage/like-pattern.js';
import type { SqlClient } from '../storage/server-storage.js';
import { sharedPlaceWords } from './place-words.js';

/** As in migration 007: only `stored` finds are public and matched. */
export type FoundItemState = 'stored' | 'claimed' | 'owner-acquired' | 'handed-over' | 'disposed';

export interface FoundItemEntry {
  aktenzeichen: string;
  processInstanceKey: string;
  category: string;
  publicDescription: string;
  publicPlace: string;
  foundOn: string;
  placeWords: string[];
}

/** A find as the public sees it: no finder, no contact, no identifying features, no storage place. */
export interface PublicFoundItem {
  aktenzeichen: string;
  category: string;
  description: string;
  place: string;
  foundOn: string;
}

export interface LossEntry {
  aktenzeichen: string;
  processInstanceKey: string;
  category: string;
  lostFrom: string;
  matchUntil: string;
  placeWords: string[];
}

export interface PublicSearch {
  category?: string;
  place?: string;
  foundFrom?: string;
  foundTo?: string;
  offset: number;
  limit: number;
}

/** A find proposed for a loss: the public fields, and the place words the two share (the ranking's reason). */
export interface Candidate extends PublicFoundItem {
  sharedPlaceWords: string[];
}

const PUBLIC_COLUMNS = `aktenzeichen, category, public_description AS description, public_place AS place, to_char(found_on, 'YYYY-MM-DD') AS "foundOn"`;
const LEAVING_STATES: readonly FoundItemState[] = ['handed-over', 'disposed'];

export class FoundItemRegister {
  constructor(private readonly sql: SqlClient) {}

  /** Records a stored find, or refreshes its public fields (a retried job, a corrected entry). */
  async recordFind(entry: FoundItemEntry): Promise<void> {
    await this.sql.query(
      `INSERT INTO found_items (aktenzeichen, process_instance_key, category, public_description, public_place, found_on, place_words)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (aktenzeichen) DO UPDATE SET process_instance_key = $2, category = $3, public_description = $4,
         public_place = $5, found_on = $6, place_words = $7`,
      [entry.aktenzeichen, entry.processInstanceKey, entry.category, entry.publicDescription, entry.publicPlace, entry.foundOn, entry.placeWords],
    );
  }

  /** Moves a find to a new state; answers false when the register has no such find. */
  async setState(aktenzeichen: string, state: FoundItemState): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE found_items SET state = $2, left_at = CASE WHEN $3 THEN coalesce(left_at, now()) ELSE left_at END
       WHERE aktenzeichen = $1 RETURNING aktenzeichen`,
      [aktenzeichen, state, LEAVING_STATES.includes(state)],
    );
    return rows.length > 0;
  }

  /**
   * Claims a stored find for the owner a loss report names: answers true when the find was stored (or this loss had
   * claimed it already), false when it is gone, claimed by another loss, or unknown. One find, one claim.
   */
  async claim(aktenzeichen: string, lossAktenzeichen: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE found_items SET state = 'claimed', claimed_by = $2
       WHERE aktenzeichen = $1 AND (state = 'stored' OR (state = 'claimed' AND claimed_by = $2)) RETURNING aktenzeichen`,
      [aktenzeichen, lossAktenzeichen],
    );
    return rows.length > 0;
  }

  async stateOf(aktenzeichen: string): Promise<FoundItemState | undefined> {
    const [row] = await this.sql.query<{ state: FoundItemState }>('SELECT state FROM found_items WHERE aktenzeichen = $1', [aktenzeichen]);
    return row?.state;
  }

  /** The stored finds, newest find first, filtered and paged; `total` counts every match. */
  async search(filter: PublicSearch): Promise<{ items: PublicFoundItem[]; total: number }> {
    const conditions = [`state = 'stored'`];
    const params: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.category !== undefined) where((p) => `category = ${p}`, filter.category);
    if (filter.place !== undefined) where((p) => `public_place ILIKE ${p}`, `%${escapeLike(filter.place)}%`);
    if (filter.foundFrom !== undefined) where((p) => `found_on >= ${p}`, filter.foundFrom);
    if (filter.foundTo !== undefined) where((p) => `found_on <= ${p}`, filter.foundTo);
    const whereClause = conditions.join(' AND ');
    const [{ total }] = await this.sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM found_items WHERE ${whereClause}`, params);
    const items = await this.sql.query<PublicFoundItem>(
      `SELECT ${PUBLIC_COLUMNS} FROM found_items WHERE ${whereClause}
       ORDER BY found_on DESC, aktenzeichen LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  /** Indexes an open loss for matching, or refreshes it (it is compared again). */
  async indexLoss(entry: LossEntry): Promise<void> {
    await this.sql.query(
      `INSERT INTO loss_reports (aktenzeichen, process_instance_key, category, lost_from, match_until, place_words)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (aktenzeichen) DO UPDATE SET process_instance_key = $2, category = $3, lost_from = $4, match_until = $5,
         place_words = $6, indexed_at = now()`,
      [entry.aktenzeichen, entry.processInstanceKey, entry.category, entry.lostFrom, entry.matchUntil, entry.placeWords],
    );
  }

  /** Removes a loss from the index (matched, or its storage period ended). */
  async removeLoss(aktenzeichen: string): Promise<void> {
    await this.sql.query('DELETE FROM loss_reports WHERE aktenzeichen = $1', [aktenzeichen]);
  }

  /**
   * Stored finds of the loss's category found in its window (on or after the day of the loss, at most on
   * `matchUntil`), ranked by the place words they share with it, then by how soon after the loss they were found.
   */
  async candidatesFor(loss: LossEntry, limit: number): Promise<Candidate[]> {
    const rows = await this.sql.query<PublicFoundItem & { placeWords: string[] }>(
      `SELECT ${PUBLIC_COLUMNS}, place_words AS "placeWords" FROM found_items
       WHERE state = 'stored' AND category = $1 AND found_on BETWEEN $2 AND $3`,
      [loss.category, loss.lostFrom, loss.matchUntil],
    );
    return rows
      .map(({ placeWords, ...item }) => ({ ...item, sharedPlaceWords: sharedPlaceWords(loss.placeWords, placeWords) }))
      .sort((a, b) => b.sharedPlaceWords.length - a.sharedPlaceWords.length || a.foundOn.localeCompare(b.foundOn) || a.aktenzeichen.localeCompare(b.aktenzeichen))
      .slice(0, limit);
  }

  /** The open losses a new find is a candidate for (same category, found in the loss's window). */
  async lossesMatching(find: Pick<FoundItemEntry, 'category' | 'foundOn'>): Promise<string[]> {
    const rows = await this.sql.query<{ aktenzeichen: string }>(
      'SELECT aktenzeichen FROM loss_reports WHERE category = $1 AND $2 BETWEEN lost_from AND match_until ORDER BY lost_from, aktenzeichen',
      [find.category, find.foundOn],
    );
    return rows.map((row) => row.aktenzeichen);
  }
}
