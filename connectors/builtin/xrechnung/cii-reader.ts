/** Maps a UN/CEFACT Cross Industry Invoice (D16B, EN 16931 CII binding) onto the invoice model. */
import type {
  AllowanceOrCharge, Invoice, InvoiceLine, Party, PaymentInstruction, Period, PostalAddress, VatBreakdown,
} from './invoice-model.js';
import { CII_QDT, CII_RAM, CII_RSM, CII_UDT } from './namespaces.js';
import {
  amountOf, attributeOf, compact, decimalTextOf, isDefined, isoDateFromFormat102, presentOrUndefined, textOf, untrimmedTextOf,
} from './xml/element-values.js';
import { childrenNamed, firstChild, type XmlElement } from './xml/namespaced-xml.js';

const ram = (element: XmlElement | undefined, name: string) => firstChild(element, CII_RAM, name);
const ramAll = (element: XmlElement | undefined, name: string) => childrenNamed(element, CII_RAM, name);
const ramText = (element: XmlElement | undefined, name: string) => textOf(ram(element, name));
/** A ram:XxxDateTime element holding udt:DateTimeString (or qdt:DateTimeString) in format 102. */
const ramDate = (element: XmlElement | undefined, name: string) => {
  const holder = ram(element, name);
  return isoDateFromFormat102(textOf(firstChild(holder, CII_UDT, 'DateTimeString') ?? firstChild(holder, CII_QDT, 'DateTimeString')));
};

const CREDIT_NOTE_TYPE_CODES = new Set(['381', '261', '262', '296', '308', '396', '420', '458', '532']);

export function readCiiInvoice(root: XmlElement): Invoice {
  const context = firstChild(root, CII_RSM, 'ExchangedDocumentContext');
  const document = firstChild(root, CII_RSM, 'ExchangedDocument');
  const transaction = firstChild(root, CII_RSM, 'SupplyChainTradeTransaction');
  const agreement = ram(transaction, 'ApplicableHeaderTradeAgreement');
  const settlement = ram(transaction, 'ApplicableHeaderTradeSettlement');
  const summation = ram(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const currency = ramText(settlement, 'InvoiceCurrencyCode');
  const taxCurrency = ramText(settlement, 'TaxCurrencyCode');
  const taxTotals = ramAll(summation, 'TaxTotalAmount');
  const paymentTerms = ramAll(settlement, 'SpecifiedTradePaymentTerms');
  const allowanceCharges = ramAll(settlement, 'SpecifiedTradeAllowanceCharge');
  const typeCode = ramText(document, 'TypeCode');
  const mandateReference = paymentTerms.map((terms) => ramText(terms, 'DirectDebitMandateID')).find(isDefined);

  return compact<Invoice>({
    syntax: 'CII',
    documentKind: typeCode !== undefined && CREDIT_NOTE_TYPE_CODES.has(typeCode) ? 'creditNote' : 'invoice',
    specificationIdentifier: ramText(ram(context, 'GuidelineSpecifiedDocumentContextParameter'), 'ID'),
    businessProcessType: ramText(ram(context, 'BusinessProcessSpecifiedDocumentContextParameter'), 'ID'),
    number: ramText(document, 'ID'),
    issueDate: ramDate(document, 'IssueDateTime'),
    typeCode,
    currency,
    taxCurrency,
    dueDate: paymentTerms.map((terms) => ramDate(terms, 'DueDateDateTime')).find(isDefined),
    buyerReference: ramText(agreement, 'BuyerReference'),
    purchaseOrderReference: ramText(ram(agreement, 'BuyerOrderReferencedDocument'), 'IssuerAssignedID'),
    contractReference: ramText(ram(agreement, 'ContractReferencedDocument'), 'IssuerAssignedID'),
    precedingInvoices: ramAll(settlement, 'InvoiceReferencedDocument').map((reference) => compact({
      number: ramText(reference, 'IssuerAssignedID'),
      issueDate: ramDate(reference, 'FormattedIssueDateTime'),
    })),
    notes: ramAll(document, 'IncludedNote').flatMap((note) => {
      const text = ramText(note, 'Content');
      return text === undefined ? [] : [compact({ subjectCode: ramText(note, 'SubjectCode'), text })];
    }),
    invoicingPeriod: readPeriod(ram(settlement, 'BillingSpecifiedPeriod')),
    seller: readParty(ram(agreement, 'SellerTradeParty'), true),
    buyer: readParty(ram(agreement, 'BuyerTradeParty'), false),
    sellerTaxRepresentative: readTaxRepresentative(ram(agreement, 'SellerTaxRepresentativeTradeParty')),
    payee: readPayee(ram(settlement, 'PayeeTradeParty')),
    paymentInstructions: ramAll(settlement, 'SpecifiedTradeSettlementPaymentMeans')
      .map((means) => readPaymentMeans(means, ramText(settlement, 'PaymentReference'), mandateReference)),
    creditorIdentifier: ramText(settlement, 'CreditorReferenceID'),
    paymentTerms: paymentTerms.map((terms) => untrimmedTextOf(ram(terms, 'Description'))).find(isDefined),
    allowances: allowanceCharges.filter((element) => !isCharge(element)).map(readAllowanceCharge),
    charges: allowanceCharges.filter(isCharge).map(readAllowanceCharge),
    vatBreakdown: ramAll(settlement, 'ApplicableTradeTax').map(readTradeTax),
    totals: compact({
      lineNetTotal: amountOf(ram(summation, 'LineTotalAmount')),
      allowanceTotal: amountOf(ram(summation, 'AllowanceTotalAmount')),
      chargeTotal: amountOf(ram(summation, 'ChargeTotalAmount')),
      taxExclusive: amountOf(ram(summation, 'TaxBasisTotalAmount')),
      taxTotal: amountOf(amountInCurrency(taxTotals, currency)),
      taxTotalInTaxCurrency: taxCurrency && taxCurrency !== currency ? amountOf(amountInCurrency(taxTotals, taxCurrency)) : undefined,
      taxInclusive: amountOf(ram(summation, 'GrandTotalAmount')),
      prepaid: amountOf(ram(summation, 'TotalPrepaidAmount')),
      rounding: amountOf(ram(summation, 'RoundingAmount')),
      amountDue: amountOf(ram(summation, 'DuePayableAmount')),
    }),
    lines: ramAll(transaction, 'IncludedSupplyChainTradeLineItem').map(readLine),
    supportingDocuments: ramAll(agreement, 'AdditionalReferencedDocument')
      .filter((reference) => ramText(reference, 'TypeCode') === '916')
      .map((reference) => {
        const attachment = ram(reference, 'AttachmentBinaryObject');
        return compact({
          id: ramText(reference, 'IssuerAssignedID'),
          description: ramText(reference, 'Name'),
          filename: attributeOf(attachment, 'filename'),
          mimeCode: attributeOf(attachment, 'mimeCode'),
          externalUri: ramText(reference, 'URIID'),
        });
      }),
  });
}

/** BT-110 is the TaxTotalAmount in the invoice currency; BT-111 the one in the VAT accounting currency. */
function amountInCurrency(amounts: XmlElement[], currency: string | undefined): XmlElement | undefined {
  if (amounts.length === 1 && attributeOf(amounts[0], 'currencyID') === undefined) return amounts[0];
  return amounts.find((amount) => attributeOf(amount, 'currencyID') === currency);
}

function readParty(party: XmlElement | undefined, isSeller: boolean): Party {
  if (!party) return {};
  const legalOrganization = ram(party, 'SpecifiedLegalOrganization');
  const registrations = ramAll(party, 'SpecifiedTaxRegistration').map((registration) => ram(registration, 'ID'));
  const registration = (scheme: string) => textOf(registrations.find((id) => attributeOf(id, 'schemeID') === scheme));
  const endpoint = ram(ram(party, 'URIUniversalCommunication'), 'URIID');
  const contact = ram(party, 'DefinedTradeContact');
  return compact<Party>({
    name: ramText(party, 'Name'),
    tradingName: ramText(legalOrganization, 'TradingBusinessName'),
    identifier: ramText(party, 'ID') ?? ramText(party, 'GlobalID'),
    legalRegistrationId: ramText(legalOrganization, 'ID'),
    vatId: registration('VA'),
    taxRegistrationId: isSeller ? registration('FC') : undefined,
    electronicAddress: endpoint && textOf(endpoint) !== undefined
      ? compact({ value: textOf(endpoint)!, scheme: attributeOf(endpoint, 'schemeID') }) : undefined,
    address: readAddress(ram(party, 'PostalTradeAddress')),
    contact: contact && compact({
      name: ramText(contact, 'PersonName') ?? ramText(contact, 'DepartmentName'),
      telephone: ramText(ram(contact, 'TelephoneUniversalCommunication'), 'CompleteNumber'),
      email: ramText(ram(contact, 'EmailURIUniversalCommunication'), 'URIID'),
    }),
  });
}

function readAddress(address: XmlElement | undefined): PostalAddress | undefined {
  if (!address) return undefined;
  return compact<PostalAddress>({
    lines: [ramText(address, 'LineOne'), ramText(address, 'LineTwo'), ramText(address, 'LineThree')].filter(isDefined),
    city: ramText(address, 'CityName'),
    postCode: ramText(address, 'PostcodeCode'),
    countrySubdivision: ramText(address, 'CountrySubDivisionName'),
    countryCode: ramText(address, 'CountryID'),
  });
}

function readTaxRepresentative(party: XmlElement | undefined): Invoice['sellerTaxRepresentative'] {
  if (!party) return undefined;
  return compact({ name: ramText(party, 'Name'), vatId: ramText(ram(party, 'SpecifiedTaxRegistration'), 'ID') });
}

function readPayee(payee: XmlElement | undefined): Invoice['payee'] {
  if (!payee) return undefined;
  return compact({ name: ramText(payee, 'Name'), identifier: ramText(payee, 'ID') ?? ramText(payee, 'GlobalID') });
}

function readPaymentMeans(means: XmlElement, remittanceInformation: string | undefined, mandateReference: string | undefined): PaymentInstruction {
  const card = ram(means, 'ApplicableTradeSettlementFinancialCard');
  const debtorAccount = ram(means, 'PayerPartyDebtorFinancialAccount');
  const typeCode = ramText(means, 'TypeCode');
  const creditorAccount = ram(means, 'PayeePartyCreditorFinancialAccount');
  return compact<PaymentInstruction>({
    typeCode,
    typeText: ramText(means, 'Information'),
    remittanceInformation,
    creditTransfers: creditorAccount ? [compact({
      accountId: ramText(creditorAccount, 'IBANID') ?? ramText(creditorAccount, 'ProprietaryID'),
      accountName: ramText(creditorAccount, 'AccountName'),
      serviceProviderId: ramText(ram(means, 'PayeeSpecifiedCreditorFinancialInstitution'), 'BICID'),
    })] : [],
    card: card && compact({ primaryAccountNumber: ramText(card, 'ID'), holderName: ramText(card, 'CardholderName') }),
    directDebit: debtorAccount || typeCode === '59'
      ? compact({ mandateReference, debitedAccountId: ramText(debtorAccount, 'IBANID') }) : undefined,
  });
}

function isCharge(allowanceCharge: XmlElement): boolean {
  return textOf(firstChild(ram(allowanceCharge, 'ChargeIndicator'), CII_UDT, 'Indicator')) === 'true';
}

function readAllowanceCharge(element: XmlElement): AllowanceOrCharge {
  const tax = ram(element, 'CategoryTradeTax');
  return compact<AllowanceOrCharge>({
    amount: amountOf(ram(element, 'ActualAmount')),
    baseAmount: amountOf(ram(element, 'BasisAmount')),
    percentage: decimalTextOf(ram(element, 'CalculationPercent')),
    vatCategoryCode: ramText(tax, 'CategoryCode'),
    vatRate: decimalTextOf(ram(tax, 'RateApplicablePercent')),
    reason: ramText(element, 'Reason'),
    reasonCode: ramText(element, 'ReasonCode'),
  });
}

function readTradeTax(tax: XmlElement): VatBreakdown {
  return compact<VatBreakdown>({
    taxableAmount: amountOf(ram(tax, 'BasisAmount')),
    taxAmount: amountOf(ram(tax, 'CalculatedAmount')),
    categoryCode: ramText(tax, 'CategoryCode'),
    rate: decimalTextOf(ram(tax, 'RateApplicablePercent')),
    exemptionReason: ramText(tax, 'ExemptionReason'),
    exemptionReasonCode: ramText(tax, 'ExemptionReasonCode'),
  });
}

function readLine(line: XmlElement): InvoiceLine {
  const agreement = ram(line, 'SpecifiedLineTradeAgreement');
  const quantity = ram(ram(line, 'SpecifiedLineTradeDelivery'), 'BilledQuantity');
  const settlement = ram(line, 'SpecifiedLineTradeSettlement');
  const tax = ram(settlement, 'ApplicableTradeTax');
  return compact<InvoiceLine>({
    id: ramText(ram(line, 'AssociatedDocumentLineDocument'), 'LineID'),
    quantity: decimalTextOf(quantity),
    unitCode: attributeOf(quantity, 'unitCode'),
    netAmount: amountOf(ram(ram(settlement, 'SpecifiedTradeSettlementLineMonetarySummation'), 'LineTotalAmount')),
    netPrice: decimalTextOf(ram(ram(agreement, 'NetPriceProductTradePrice'), 'ChargeAmount')),
    grossPrice: decimalTextOf(ram(ram(agreement, 'GrossPriceProductTradePrice'), 'ChargeAmount')),
    vatCategoryCode: ramText(tax, 'CategoryCode'),
    vatRate: decimalTextOf(ram(tax, 'RateApplicablePercent')),
    itemName: ramText(ram(line, 'SpecifiedTradeProduct'), 'Name'),
    orderLineReference: ramText(ram(agreement, 'BuyerOrderReferencedDocument'), 'LineID'),
    period: readPeriod(ram(settlement, 'BillingSpecifiedPeriod')),
  });
}

function readPeriod(period: XmlElement | undefined): Period | undefined {
  if (!period) return undefined;
  return presentOrUndefined({ start: ramDate(period, 'StartDateTime'), end: ramDate(period, 'EndDateTime') });
}
