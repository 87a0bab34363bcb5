/**
 * The Leitweg-ID (BT-10 in XRechnung) routes an invoice to the receiving authority:
 * `Grobadressierung (2-12 digits) - Feinadressierung (optional, up to 30 letters/digits) - Prüfziffer (2 digits)`.
 * The check digits are ISO 7064 MOD 97-10 over the first two parts, letters counting A=10 ... Z=35.
 */
import { mod97 } from './mod97.js';

export interface LeitwegId {
  /** Grobadressierung: the authority (often derived from the Gemeindeschlüssel). */
  coarseAddress: string;
  /** Feinadressierung: the office or department inside it, when given; the natural key for routing to an Amt. */
  fineAddress?: string;
  checkDigits: string;
  /** Whether the check digits fit; the official rules do not check them (README), so this is advice, not a verdict. */
  checkDigitsValid: boolean;
}

const LEITWEG_ID = /^(\d{2,12})(?:-([A-Za-z0-9]{1,30}))?-(\d{2})$/;

/** Parses a Leitweg-ID; undefined if it does not have the format at all. */
export function parseLeitwegId(text: string): LeitwegId | undefined {
  const match = LEITWEG_ID.exec(text.trim());
  if (!match) return undefined;
  const [, coarseAddress, fineAddress, checkDigits] = match;
  return {
    coarseAddress,
    ...(fineAddress !== undefined && { fineAddress }),
    checkDigits,
    checkDigitsValid: leitwegCheckDigits(coarseAddress + (fineAddress ?? '')) === checkDigits,
  };
}

/** The two check digits for the given Grob- and Feinadressierung (without hyphens). */
export function leitwegCheckDigits(addressPart: string): string {
  return String(98n - mod97(`${addressPart}00`)).padStart(2, '0');
}
