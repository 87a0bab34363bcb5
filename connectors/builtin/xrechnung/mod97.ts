/** ISO 7064 MOD 97-10, which IBANs and Leitweg-IDs use: letters count A=10 ... Z=35, then the number mod 97. */
export function mod97(text: string): bigint {
  const digits = [...text.toUpperCase()]
    .map((character) => (character >= 'A' && character <= 'Z' ? String(character.charCodeAt(0) - 55) : character))
    .join('');
  return BigInt(digits) % 97n;
}
