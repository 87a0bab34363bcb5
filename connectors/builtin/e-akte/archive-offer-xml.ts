/**
 * The hand-off record to the archive: an Anbieteverzeichnis shaped after xdomea's `Aussonderung.Anbieteverzeichnis.0501`
 * (Kopf with ProzessID, Nachrichtentyp, time, sender and recipient; one Schriftgutobjekt/Dokument per document with
 * its ID, Betreff, Aktenzeichen, type, retention and Aussonderungsart). It follows xdomea's names and nesting but is
 * not validated against the xdomea XSD, which is not available here: check it against the archive's import first.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { FiledDocument } from './e-akte-model.js';

export const XDOMEA_NAMESPACE = 'urn:xoev-de:xdomea:schema:3.1.0';

export interface Authority {
  /** Behördenschlüssel, e.g. the AGS of the municipality. */
  id: string;
  /** Organisationseinheit. */
  name: string;
}

export interface OfferEnvelope {
  offerId: string;
  createdAt: Date;
  sender: Authority;
  recipient: Authority;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ', suppressEmptyNode: true });

const party = (authority: Authority) => ({
  'xdomea:Behoerdenkennung': { 'xdomea:Behoerdenschluessel': { code: authority.id } },
  'xdomea:Organisationseinheit': { 'xdomea:Name': authority.name },
});

export function archiveOfferXml(envelope: OfferEnvelope, documents: readonly FiledDocument[]): string {
  const message = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    'xdomea:Aussonderung.Anbieteverzeichnis.0501': {
      '@xmlns:xdomea': XDOMEA_NAMESPACE,
      'xdomea:Kopf': {
        'xdomea:ProzessID': envelope.offerId,
        'xdomea:Nachrichtentyp': { code: '0501' },
        'xdomea:Erstellungszeitpunkt': envelope.createdAt.toISOString(),
        'xdomea:Absender': party(envelope.sender),
        'xdomea:Empfaenger': party(envelope.recipient),
        'xdomea:SendendesSystem': { 'xdomea:Produktname': 'amtsflow' },
        'xdomea:Importbestaetigung': 'true',
      },
      'xdomea:Schriftgutobjekt': documents.map((document) => ({
        'xdomea:Dokument': {
          'xdomea:Identifikation': { 'xdomea:ID': document.documentId },
          'xdomea:AllgemeineMetadaten': {
            'xdomea:Betreff': document.title,
            'xdomea:Kennzeichen': document.aktenzeichen,
          },
          'xdomea:Archivbewertung': { 'xdomea:Aussonderungsart': { code: document.disposition } },
          'xdomea:Lebenszyklus': {
            'xdomea:Aufbewahrungsdauer': document.retentionPeriod,
            'xdomea:AufbewahrungBis': document.retainUntil,
            'xdomea:Abgelegt': document.filedAt,
          },
          'xdomea:Typ': document.documentType,
          'xdomea:Version': {
            'xdomea:Nummer': '1',
            'xdomea:Format': {
              'xdomea:Name': document.contentType,
              'xdomea:Primaerdokument': {
                'xdomea:Dateiname': document.filename,
                'xdomea:Dateigroesse': String(document.size),
                'xdomea:Pruefsumme': { '@algorithmus': 'SHA-256', '#text': document.sha256 },
              },
            },
          },
        },
      })),
    },
  };
  return builder.build(message) as string;
}

/** The file name xdomea gives the message: `<ProzessID>_Aussonderung.Anbieteverzeichnis.0501.xml`. */
export function archiveOfferFileName(offerId: string): string {
  return `${offerId}_Aussonderung.Anbieteverzeichnis.0501.xml`;
}
