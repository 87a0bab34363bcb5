/** The namespaces of the two invoice syntaxes XRechnung allows. */
export const UBL_INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
export const UBL_CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
export const UBL_CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
export const UBL_CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

export const CII_RSM = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
export const CII_RAM = 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100';
export const CII_UDT = 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100';
export const CII_QDT = 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100';
