/** The e-Akte over its PostgreSQL adapter, on PGlite (and PostgreSQL when AMTSFLOW_TEST_DATABASE_URL is set). */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { EAkte, EAkteError } from './e-akte.js';
import type { DocumentToFile } from './e-akte-model.js';
import { PostgresEAkteAdapter } from './postgres/postgres-e-akte-adapter.js';
import { applyMigrations } from '../../sdk/index.js';
import { sqlTestTargets, type SqlTestDatabase } from '../../testing/engine-test-support.js';

const AUTHORITY = { id: '05378020', name: 'Stadt Leichlingen, Kämmerei' };
const ARCHIVE = { id: '05378020-ARCHIV', name: 'Stadtarchiv Leichlingen' };

function bescheid(overrides: Partial<DocumentToFile> = {}): DocumentToFile {
  return {
    aktenzeichen: '22.10.05-2014/0042',
    documentType: 'Hundesteuerbescheid',
    title: 'Hundesteuerbescheid 2014, Bello',
    filename: 'bescheid.pdf',
    contentType: 'application/pdf',
    content: new TextEncoder().encode('%PDF-1.7 Bescheid'),
    retention: { period: 'P10Y', startsAt: 'endOfYear' },
    disposition: 'B',
    metadata: { kassenzeichen: '5.0100.123456.7' },
    ...overrides,
  };
}

describe.each(sqlTestTargets())('the e-Akte on $name', (target) => {
  let database: SqlTestDatabase;
  let clock = new Date('2014-03-01T09:00:00Z');
  let eAkte: EAkte;

  beforeAll(async () => {
    database = await target.open();
    eAkte = new EAkte({ adapter: await PostgresEAkteAdapter.open(database), authority: AUTHORITY, archive: ARCHIVE, now: () => clock });
  });
  afterAll(async () => database.close());

  it('files a document with its Aktenzeichen, type and retention date, and gives back the same bytes', async () => {
    const content = new Uint8Array([0, 1, 2, 255, 254]);
    const filed = await eAkte.file(bescheid({ content }));
    expect(filed).toMatchObject({
      aktenzeichen: '22.10.05-2014/0042', documentType: 'Hundesteuerbescheid', state: 'filed', size: 5,
      retainUntil: '2024-12-31', disposition: 'B', sha256: createHash('sha256').update(content).digest('hex'),
      filedAt: '2014-03-01T09:00:00.000Z', metadata: { kassenzeichen: '5.0100.123456.7' },
    });
    const found = await eAkte.get(filed.documentId);
    expect(found?.content).toEqual(content);
  });

  it('files a document only once when the filing is retried with the same idempotency key', async () => {
    const first = await eAkte.file(bescheid({ idempotencyKey: 'job-2251799813685300' }));
    const second = await eAkte.file(bescheid({ idempotencyKey: 'job-2251799813685300' }));
    expect(second.documentId).toBe(first.documentId);
    const [{ count }] = await database.query<{ count: number }>("SELECT count(*)::int AS count FROM eakte_documents WHERE idempotency_key = 'job-2251799813685300'");
    expect(count).toBe(1);
  });

  it('refuses a document without an Aktenzeichen or with a retention that is no period', async () => {
    await expect(eAkte.file(bescheid({ aktenzeichen: ' ' }))).rejects.toThrow(EAkteError);
    await expect(eAkte.file(bescheid({ retention: { period: '10 Jahre', startsAt: 'endOfYear' } }))).rejects.toThrow('not a retention period');
  });

  describe('when the retention ends', () => {
    let offeredId: string;
    let archivableId: string;
    let deletableId: string;
    let keptId: string;

    beforeAll(async () => {
      clock = new Date('2014-06-01T09:00:00Z');
      offeredId = (await eAkte.file(bescheid({ aktenzeichen: '22.10.05-2014/0100', disposition: 'B' }))).documentId;
      archivableId = (await eAkte.file(bescheid({ aktenzeichen: '22.10.05-2014/0101', disposition: 'A', title: 'Satzung <Entwurf> & Beschluss' }))).documentId;
      deletableId = (await eAkte.file(bescheid({ aktenzeichen: '22.10.05-2014/0102', disposition: 'V' }))).documentId;
      clock = new Date('2015-06-01T09:00:00Z');
      keptId = (await eAkte.file(bescheid({ aktenzeichen: '22.10.05-2015/0001', disposition: 'V' }))).documentId;
    });

    it('keeps everything up to the last day of retention', async () => {
      const result = await eAkte.disposeDue({ asOf: '2024-12-31' });
      expect(result).toEqual({ offeredDocumentIds: [], deletedDocumentIds: [] });
    });

    it('deletes documents marked V and offers the others to the archive in one xdomea-style 0501 record', async () => {
      clock = new Date('2025-01-02T06:00:00Z');
      const result = await eAkte.disposeDue();
      expect(result.deletedDocumentIds).toContain(deletableId);
      expect(result.deletedDocumentIds).not.toContain(keptId);
      expect(result.offeredDocumentIds).toEqual(expect.arrayContaining([offeredId, archivableId]));

      const deleted = await eAkte.get(deletableId);
      expect(deleted?.content).toBeUndefined();
      expect(deleted?.document).toMatchObject({ state: 'deleted', aktenzeichen: '22.10.05-2014/0102', deletedAt: '2025-01-02T06:00:00.000Z' });
      expect(deleted?.document.title).toBeUndefined();
      expect(deleted?.document.metadata).toBeUndefined();
      expect((await eAkte.get(keptId))?.document.state).toBe('filed');
      expect((await eAkte.get(offeredId))?.document).toMatchObject({ state: 'offered', offerId: result.offer?.offerId });

      const xml = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false }).parse(result.offer!.xml);
      const message = xml['Aussonderung.Anbieteverzeichnis.0501'];
      expect(result.offer!.xml).toContain('<xdomea:Aussonderung.Anbieteverzeichnis.0501 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">');
      expect(message.Kopf).toMatchObject({ ProzessID: result.offer!.offerId, Nachrichtentyp: { code: '0501' }, Erstellungszeitpunkt: '2025-01-02T06:00:00.000Z' });
      expect(message.Kopf.Empfaenger.Behoerdenkennung.Behoerdenschluessel.code).toBe('05378020-ARCHIV');
      const offered = [message.Schriftgutobjekt].flat().map((object: { Dokument: Record<string, any> }) => object.Dokument);
      const archivable = offered.find((document) => document.Identifikation.ID === archivableId)!;
      expect(archivable.AllgemeineMetadaten).toEqual({ Betreff: 'Satzung <Entwurf> & Beschluss', Kennzeichen: '22.10.05-2014/0101' });
      expect(archivable.Archivbewertung.Aussonderungsart.code).toBe('A');
      expect(archivable.Lebenszyklus.AufbewahrungBis).toBe('2024-12-31');
      expect(result.offer!.xml).toContain('Satzung &lt;Entwurf&gt; &amp; Beschluss');
    });

    it('offers nothing twice when it runs again', async () => {
      const again = await eAkte.disposeDue();
      expect(again.offeredDocumentIds).not.toContain(offeredId);
      expect(again.deletedDocumentIds).not.toContain(deletableId);
    });

    it('applies the archive\'s decision: V deletes, A keeps the document for the transfer', async () => {
      expect(await eAkte.applyArchiveDecision(offeredId, 'V')).toMatchObject({ state: 'deleted' });
      expect(await eAkte.applyArchiveDecision(archivableId, 'A')).toMatchObject({ state: 'to-transfer' });
      expect((await eAkte.get(archivableId))?.content).toBeDefined();
      await expect(eAkte.applyArchiveDecision(keptId, 'V')).rejects.toThrow('not offered');
    });
  });

  it('applies its migrations once, however often it is opened', async () => {
    expect(await applyMigrations(database, 'e-akte', new URL('./migrations/', import.meta.url))).toEqual([]);
    await PostgresEAkteAdapter.open(database);
    const rows = await database.query<{ name: string }>("SELECT name FROM connector_migrations WHERE component = 'e-akte'");
    expect(rows.map((row) => row.name)).toEqual(['001_e_akte.sql']);
  });
});
