/** Every business rule the intake checks, in the order they are reported. */
import { amtsflowRules } from './amtsflow-rules.js';
import type { BusinessRule } from './business-rule.js';
import { en16931CalculationRules } from './en16931-calculation-rules.js';
import { en16931RequiredRules } from './en16931-required-rules.js';
import { vatCategoryRules } from './vat-category-rules.js';
import { xrechnungRules } from './xrechnung-rules.js';

export const invoiceRules: readonly BusinessRule[] = [
  ...en16931RequiredRules,
  ...en16931CalculationRules,
  ...vatCategoryRules,
  ...xrechnungRules,
  ...amtsflowRules,
];

export type { BusinessRule, Severity, Violation } from './business-rule.js';
