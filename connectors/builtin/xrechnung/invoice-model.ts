/**
 * One invoice model for UBL 2.1 and UN/CEFACT CII (EN 16931 semantics). Values are what the document says,
 * trimmed; amounts, quantities and rates are decimal strings (never floats; monetary amounts with at least two
 * fraction digits), dates ISO `YYYY-MM-DD`. Absent elements are absent properties. It is plain JSON, so it can
 * travel as process variables. Comments name the business terms (BT) and groups (BG) of EN 16931.
 */
export type InvoiceSyntax = 'UBL' | 'CII';

export interface Invoice {
  syntax: InvoiceSyntax;
  /** UBL `Invoice` or `CreditNote`; CII has one root for both (the type code tells). */
  documentKind: 'invoice' | 'creditNote';
  /** BT-24, e.g. `urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0`. */
  specificationIdentifier?: string;
  /** BT-23. */
  businessProcessType?: string;
  /** BT-1. */
  number?: string;
  /** BT-2. */
  issueDate?: string;
  /** BT-3 (UNTDID 1001: 380 invoice, 381 credit note, 384 corrected invoice, ...). */
  typeCode?: string;
  /** BT-5. */
  currency?: string;
  /** BT-6. */
  taxCurrency?: string;
  /** BT-9. */
  dueDate?: string;
  /** BT-10: in XRechnung the Leitweg-ID of the receiving authority. */
  buyerReference?: string;
  /** BT-13. */
  purchaseOrderReference?: string;
  /** BT-12. */
  contractReference?: string;
  /** BG-3. */
  precedingInvoices: { number?: string; issueDate?: string }[];
  /** BG-1: BT-22 with its subject code BT-21 (UNTDID 4451, e.g. ADU, AAC). */
  notes: { subjectCode?: string; text: string }[];
  /** BG-14. */
  invoicingPeriod?: Period;
  seller: Party;
  buyer: Party;
  /** BG-11. */
  sellerTaxRepresentative?: { name?: string; vatId?: string };
  /** BG-10, when the payee differs from the seller. */
  payee?: { name?: string; identifier?: string };
  /** BG-16. */
  paymentInstructions: PaymentInstruction[];
  /** BT-90: the seller's or payee's SEPA creditor identifier (Gläubiger-ID), needed for direct debit. */
  creditorIdentifier?: string;
  /** BT-20, untrimmed: XRechnung puts Skonto lines there (BR-DE-18). */
  paymentTerms?: string;
  /** BG-20 / BG-21. */
  allowances: AllowanceOrCharge[];
  charges: AllowanceOrCharge[];
  /** BG-23. */
  vatBreakdown: VatBreakdown[];
  /** BG-22. */
  totals: DocumentTotals;
  /** BG-25, top-level lines only (XRechnung extension sub-lines are not summed by EN 16931). */
  lines: InvoiceLine[];
  /** BG-24: names of attached or referenced documents (BT-122..125). */
  supportingDocuments: { id?: string; description?: string; filename?: string; mimeCode?: string; externalUri?: string }[];
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Party {
  /** BT-27 / BT-44: the registered name. */
  name?: string;
  /** BT-28 / BT-45. */
  tradingName?: string;
  /** BT-29 / BT-46 (first one). */
  identifier?: string;
  /** BT-30 / BT-47. */
  legalRegistrationId?: string;
  /** BT-31 / BT-48. */
  vatId?: string;
  /** BT-32 (seller only): tax number (Steuernummer). */
  taxRegistrationId?: string;
  /** BT-34 / BT-49. */
  electronicAddress?: { value: string; scheme?: string };
  /** BG-5 / BG-8. */
  address?: PostalAddress;
  /** BG-6 (seller only). */
  contact?: { name?: string; telephone?: string; email?: string };
}

export interface PostalAddress {
  lines: string[];
  city?: string;
  postCode?: string;
  countrySubdivision?: string;
  countryCode?: string;
}

export interface PaymentInstruction {
  /** BT-81 (UNTDID 4461: 58 SEPA credit transfer, 59 SEPA direct debit, 30 credit transfer, 48 card, 68 online). */
  typeCode?: string;
  /** BT-82. */
  typeText?: string;
  /** BT-83 (Verwendungszweck). */
  remittanceInformation?: string;
  /** BG-17. */
  creditTransfers: { accountId?: string; accountName?: string; serviceProviderId?: string }[];
  /** BG-18. */
  card?: { primaryAccountNumber?: string; holderName?: string };
  /** BG-19. */
  directDebit?: { mandateReference?: string; debitedAccountId?: string };
}

export interface AllowanceOrCharge {
  /** BT-92 / BT-99. */
  amount?: string;
  /** BT-93 / BT-100. */
  baseAmount?: string;
  /** BT-94 / BT-101. */
  percentage?: string;
  /** BT-95 / BT-102. */
  vatCategoryCode?: string;
  /** BT-96 / BT-103. */
  vatRate?: string;
  /** BT-97 / BT-104. */
  reason?: string;
  /** BT-98 / BT-105. */
  reasonCode?: string;
}

export interface VatBreakdown {
  /** BT-116. */
  taxableAmount?: string;
  /** BT-117. */
  taxAmount?: string;
  /** BT-118 (S, Z, E, AE, K, G, O, L, M). */
  categoryCode?: string;
  /** BT-119. */
  rate?: string;
  /** BT-120. */
  exemptionReason?: string;
  /** BT-121. */
  exemptionReasonCode?: string;
}

export interface DocumentTotals {
  /** BT-106. */
  lineNetTotal?: string;
  /** BT-107. */
  allowanceTotal?: string;
  /** BT-108. */
  chargeTotal?: string;
  /** BT-109. */
  taxExclusive?: string;
  /** BT-110 (in the invoice currency). */
  taxTotal?: string;
  /** BT-111 (in the VAT accounting currency BT-6). */
  taxTotalInTaxCurrency?: string;
  /** BT-112. */
  taxInclusive?: string;
  /** BT-113. */
  prepaid?: string;
  /** BT-114. */
  rounding?: string;
  /** BT-115. */
  amountDue?: string;
  /** BT-DEX-002 (XRechnung extension only): amounts paid by third parties, which add to the amount due. */
  thirdPartyPayments?: string[];
}

export interface InvoiceLine {
  /** BT-126. */
  id?: string;
  /** BT-129. */
  quantity?: string;
  /** BT-130. */
  unitCode?: string;
  /** BT-131. */
  netAmount?: string;
  /** BT-146. */
  netPrice?: string;
  /** BT-148 (gross price, when given). */
  grossPrice?: string;
  /** BT-151. */
  vatCategoryCode?: string;
  /** BT-152. */
  vatRate?: string;
  /** BT-153. */
  itemName?: string;
  /** BT-132: the order line it refers to. */
  orderLineReference?: string;
  /** BG-26. */
  period?: Period;
}
