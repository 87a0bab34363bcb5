/** Maps a UBL 2.1 Invoice or CreditNote (EN 16931 UBL binding) onto the invoice model. */
import type {
  AllowanceOrCharge, Invoice, InvoiceLine, Party, PaymentInstruction, Period, PostalAddress, VatBreakdown,
} from './invoice-model.js';
import { UBL_CAC, UBL_CBC, UBL_CREDIT_NOTE } from './namespaces.js';
import {
  amountOf, attributeOf, compact, decimalTextOf, isDefined, presentOrUndefined, textOf, untrimmedTextOf,
} from './xml/element-values.js';
import { childrenNamed, firstChild, type XmlElement } from './xml/namespaced-xml.js';

const cbc = (element: XmlElement | undefined, name: string) => firstChild(element, UBL_CBC, name);
const cac = (element: XmlElement | undefined, name: string) => firstChild(element, UBL_CAC, name);
const cacAll = (element: XmlElement | undefined, name: string) => childrenNamed(element, UBL_CAC, name);
const cbcText = (element: XmlElement | undefined, name: string) => textOf(cbc(element, name));

export function readUblInvoice(root: XmlElement): Invoice {
  const isCreditNote = root.namespace === UBL_CREDIT_NOTE;
  const currency = cbcText(root, 'DocumentCurrencyCode');
  const taxCurrency = cbcText(root, 'TaxCurrencyCode');
  const taxTotals = cacAll(root, 'TaxTotal');
  const taxTotalInCurrency = taxTotalIn(taxTotals, currency);
  const taxTotalInTaxCurrency = taxCurrency && taxCurrency !== currency ? taxTotalIn(taxTotals, taxCurrency) : undefined;
  const monetaryTotal = cac(root, 'LegalMonetaryTotal');
  const supplierParty = cac(cac(root, 'AccountingSupplierParty'), 'Party');
  const documentAllowanceCharges = cacAll(root, 'AllowanceCharge');
  const thirdPartyPayments = cacAll(root, 'PrepaidPayment').map((payment) => amountOf(cbc(payment, 'PaidAmount'))).filter(isDefined);
  const preceding = cacAll(root, 'BillingReference').map((reference) => cac(reference, 'InvoiceDocumentReference')).filter(isDefined);

  return compact<Invoice>({
    syntax: 'UBL',
    documentKind: isCreditNote ? 'creditNote' : 'invoice',
    specificationIdentifier: cbcText(root, 'CustomizationID'),
    businessProcessType: cbcText(root, 'ProfileID'),
    number: cbcText(root, 'ID'),
    issueDate: cbcText(root, 'IssueDate'),
    typeCode: cbcText(root, isCreditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'),
    currency,
    taxCurrency,
    dueDate: cbcText(root, 'DueDate') ?? cacAll(root, 'PaymentMeans').map((means) => cbcText(means, 'PaymentDueDate')).find(isDefined),
    buyerReference: cbcText(root, 'BuyerReference'),
    purchaseOrderReference: cbcText(cac(root, 'OrderReference'), 'ID'),
    contractReference: cbcText(cac(root, 'ContractDocumentReference'), 'ID'),
    precedingInvoices: preceding.map((reference) => compact({ number: cbcText(reference, 'ID'), issueDate: cbcText(reference, 'IssueDate') })),
    notes: childrenNamed(root, UBL_CBC, 'Note').map(textOf).filter(isDefined).map(readNote),
    invoicingPeriod: readPeriod(cac(root, 'InvoicePeriod')),
    seller: readParty(supplierParty, true),
    buyer: readParty(cac(cac(root, 'AccountingCustomerParty'), 'Party'), false),
    sellerTaxRepresentative: readTaxRepresentative(cac(root, 'TaxRepresentativeParty')),
    payee: readPayee(cac(root, 'PayeeParty')),
    paymentInstructions: cacAll(root, 'PaymentMeans').map(readPaymentMeans),
    creditorIdentifier: sepaCreditorId(supplierParty) ?? sepaCreditorId(cac(root, 'PayeeParty')),
    paymentTerms: untrimmedTextOf(cbc(cac(root, 'PaymentTerms'), 'Note')),
    allowances: documentAllowanceCharges.filter((element) => !isCharge(element)).map(readAllowanceCharge),
    charges: documentAllowanceCharges.filter(isCharge).map(readAllowanceCharge),
    vatBreakdown: cacAll(taxTotalInCurrency, 'TaxSubtotal').map(readTaxSubtotal),
    totals: compact({
      lineNetTotal: amountOf(cbc(monetaryTotal, 'LineExtensionAmount')),
      allowanceTotal: amountOf(cbc(monetaryTotal, 'AllowanceTotalAmount')),
      chargeTotal: amountOf(cbc(monetaryTotal, 'ChargeTotalAmount')),
      taxExclusive: amountOf(cbc(monetaryTotal, 'TaxExclusiveAmount')),
      taxTotal: amountOf(cbc(taxTotalInCurrency, 'TaxAmount')),
      taxTotalInTaxCurrency: amountOf(cbc(taxTotalInTaxCurrency, 'TaxAmount')),
      taxInclusive: amountOf(cbc(monetaryTotal, 'TaxInclusiveAmount')),
      prepaid: amountOf(cbc(monetaryTotal, 'PrepaidAmount')),
      rounding: amountOf(cbc(monetaryTotal, 'PayableRoundingAmount')),
      amountDue: amountOf(cbc(monetaryTotal, 'PayableAmount')),
      thirdPartyPayments: thirdPartyPayments.length > 0 ? thirdPartyPayments : undefined,
    }),
    lines: cacAll(root, isCreditNote ? 'CreditNoteLine' : 'InvoiceLine').map((line) => readLine(line, isCreditNote)),
    supportingDocuments: cacAll(root, 'AdditionalDocumentReference').map((reference) => {
      const attachment = cac(reference, 'Attachment');
      const embedded = cbc(attachment, 'EmbeddedDocumentBinaryObject');
      return compact({
        id: cbcText(reference, 'ID'),
        description: cbcText(reference, 'DocumentDescription'),
        filename: attributeOf(embedded, 'filename'),
        mimeCode: attributeOf(embedded, 'mimeCode'),
        externalUri: cbcText(cac(attachment, 'ExternalReference'), 'URI'),
      });
    }),
  });
}

/** UBL has no element for the subject code (BT-21); EN 16931 puts it in front of the text: `#ADU#text`. */
function readNote(note: string): { subjectCode?: string; text: string } {
  const match = /^#([A-Z]{3})#([\s\S]*)$/.exec(note);
  return match ? { subjectCode: match[1], text: match[2] } : { text: note };
}

/** The TaxTotal whose TaxAmount is in `currency`; with a single TaxTotal that is the one, whatever it says. */
function taxTotalIn(taxTotals: XmlElement[], currency: string | undefined): XmlElement | undefined {
  if (taxTotals.length === 1) return taxTotals[0];
  return taxTotals.find((total) => attributeOf(cbc(total, 'TaxAmount'), 'currencyID') === currency);
}

function readParty(party: XmlElement | undefined, isSeller: boolean): Party {
  if (!party) return {};
  const taxSchemes = cacAll(party, 'PartyTaxScheme');
  const vatScheme = taxSchemes.find((scheme) => cbcText(cac(scheme, 'TaxScheme'), 'ID') === 'VAT');
  const otherScheme = taxSchemes.find((scheme) => scheme !== vatScheme);
  const legalEntity = cac(party, 'PartyLegalEntity');
  const endpoint = cbc(party, 'EndpointID');
  const contact = cac(party, 'Contact');
  const identifiers = cacAll(party, 'PartyIdentification').map((identification) => cbc(identification, 'ID'))
    .filter((id) => attributeOf(id, 'schemeID') !== 'SEPA');
  return compact<Party>({
    name: cbcText(legalEntity, 'RegistrationName'),
    tradingName: cbcText(cac(party, 'PartyName'), 'Name'),
    identifier: textOf(identifiers[0]),
    legalRegistrationId: cbcText(legalEntity, 'CompanyID'),
    vatId: cbcText(vatScheme, 'CompanyID'),
    taxRegistrationId: isSeller ? cbcText(otherScheme, 'CompanyID') : undefined,
    electronicAddress: endpoint && textOf(endpoint) !== undefined
      ? compact({ value: textOf(endpoint)!, scheme: attributeOf(endpoint, 'schemeID') }) : undefined,
    address: readAddress(cac(party, 'PostalAddress')),
    contact: contact && compact({ name: cbcText(contact, 'Name'), telephone: cbcText(contact, 'Telephone'), email: cbcText(contact, 'ElectronicMail') }),
  });
}

function readAddress(address: XmlElement | undefined): PostalAddress | undefined {
  if (!address) return undefined;
  const lines = [cbcText(address, 'StreetName'), cbcText(address, 'AdditionalStreetName'), ...cacAll(address, 'AddressLine').map((line) => cbcText(line, 'Line'))];
  return compact<PostalAddress>({
    lines: lines.filter(isDefined),
    city: cbcText(address, 'CityName'),
    postCode: cbcText(address, 'PostalZone'),
    countrySubdivision: cbcText(address, 'CountrySubentity'),
    countryCode: cbcText(cac(address, 'Country'), 'IdentificationCode'),
  });
}

function readTaxRepresentative(party: XmlElement | undefined): Invoice['sellerTaxRepresentative'] {
  if (!party) return undefined;
  return compact({ name: cbcText(cac(party, 'PartyName'), 'Name'), vatId: cbcText(cac(party, 'PartyTaxScheme'), 'CompanyID') });
}

function readPayee(payee: XmlElement | undefined): Invoice['payee'] {
  if (!payee) return undefined;
  return compact({ name: cbcText(cac(payee, 'PartyName'), 'Name'), identifier: cbcText(cac(payee, 'PartyIdentification'), 'ID') });
}

function sepaCreditorId(party: XmlElement | undefined): string | undefined {
  return cacAll(party, 'PartyIdentification').map((identification) => cbc(identification, 'ID'))
    .filter((id) => attributeOf(id, 'schemeID') === 'SEPA').map(textOf).find(isDefined);
}

function readPaymentMeans(means: XmlElement): PaymentInstruction {
  const code = cbc(means, 'PaymentMeansCode');
  const card = cac(means, 'CardAccount');
  const mandate = cac(means, 'PaymentMandate');
  return compact<PaymentInstruction>({
    typeCode: textOf(code),
    typeText: attributeOf(code, 'name'),
    remittanceInformation: cbcText(means, 'PaymentID'),
    creditTransfers: cacAll(means, 'PayeeFinancialAccount').map((account) => compact({
      accountId: cbcText(account, 'ID'),
      accountName: cbcText(account, 'Name'),
      serviceProviderId: cbcText(cac(account, 'FinancialInstitutionBranch'), 'ID'),
    })),
    card: card && compact({ primaryAccountNumber: cbcText(card, 'PrimaryAccountNumberID'), holderName: cbcText(card, 'HolderName') }),
    directDebit: mandate && compact({ mandateReference: cbcText(mandate, 'ID'), debitedAccountId: cbcText(cac(mandate, 'PayerFinancialAccount'), 'ID') }),
  });
}

function isCharge(allowanceCharge: XmlElement): boolean {
  return cbcText(allowanceCharge, 'ChargeIndicator') === 'true';
}

function readAllowanceCharge(element: XmlElement): AllowanceOrCharge {
  const category = cac(element, 'TaxCategory');
  return compact<AllowanceOrCharge>({
    amount: amountOf(cbc(element, 'Amount')),
    baseAmount: amountOf(cbc(element, 'BaseAmount')),
    percentage: decimalTextOf(cbc(element, 'MultiplierFactorNumeric')),
    vatCategoryCode: cbcText(category, 'ID'),
    vatRate: decimalTextOf(cbc(category, 'Percent')),
    reason: cbcText(element, 'AllowanceChargeReason'),
    reasonCode: cbcText(element, 'AllowanceChargeReasonCode'),
  });
}

function readTaxSubtotal(subtotal: XmlElement): VatBreakdown {
  const category = cac(subtotal, 'TaxCategory');
  return compact<VatBreakdown>({
    taxableAmount: amountOf(cbc(subtotal, 'TaxableAmount')),
    taxAmount: amountOf(cbc(subtotal, 'TaxAmount')),
    categoryCode: cbcText(category, 'ID'),
    rate: decimalTextOf(cbc(category, 'Percent')),
    exemptionReason: cbcText(category, 'TaxExemptionReason'),
    exemptionReasonCode: cbcText(category, 'TaxExemptionReasonCode'),
  });
}

function readLine(line: XmlElement, isCreditNote: boolean): InvoiceLine {
  const quantity = cbc(line, isCreditNote ? 'CreditedQuantity' : 'InvoicedQuantity');
  const item = cac(line, 'Item');
  const taxCategory = cac(item, 'ClassifiedTaxCategory');
  const price = cac(line, 'Price');
  return compact<InvoiceLine>({
    id: cbcText(line, 'ID'),
    quantity: decimalTextOf(quantity),
    unitCode: attributeOf(quantity, 'unitCode'),
    netAmount: amountOf(cbc(line, 'LineExtensionAmount')),
    netPrice: decimalTextOf(cbc(price, 'PriceAmount')),
    grossPrice: decimalTextOf(cbc(cac(price, 'AllowanceCharge'), 'BaseAmount')),
    vatCategoryCode: cbcText(taxCategory, 'ID'),
    vatRate: decimalTextOf(cbc(taxCategory, 'Percent')),
    itemName: cbcText(item, 'Name'),
    orderLineReference: cbcText(cac(line, 'OrderLineReference'), 'LineID'),
    period: readPeriod(cac(line, 'InvoicePeriod')),
  });
}

function readPeriod(period: XmlElement | undefined): Period | undefined {
  if (!period) return undefined;
  return presentOrUndefined({ start: cbcText(period, 'StartDate'), end: cbcText(period, 'EndDate') });
}
