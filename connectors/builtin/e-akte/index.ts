/** e-Akte filing with retention and Aussonderung (offer to the archive or deletion), over a pluggable adapter. */
export { EAkte, EAkteError, type DisposalResult, type EAkteOptions } from './e-akte.js';
export type { DocumentRecord, EAkteAdapter } from './e-akte-adapter.js';
export type { ArchiveDecision, ArchiveOffer, Disposition, DocumentState, DocumentToFile, FiledDocument, RetentionRule } from './e-akte-model.js';
export { PostgresEAkteAdapter } from './postgres/postgres-e-akte-adapter.js';
export { archiveOfferFileName, archiveOfferXml, XDOMEA_NAMESPACE, type Authority } from './archive-offer-xml.js';
export { RetentionRuleError, retainUntil } from './retention.js';
export { eAkteConnectors, type DisposeDueInput, type DisposeDueOutput, type FileDocumentInput, type FileDocumentOutput } from './e-akte-connectors.js';
