/**
 * The words of a place as the matching compares them: lower case, umlauts folded (Straße = strasse), street suffixes
 * split off (Hauptstraße → haupt), house numbers, postcodes and filler words dropped, so "Bank vor dem Rathaus,
 * Marktplatz 1" and "Marktplatz / Rathaus" share "marktplatz" and "rathaus".
 */
const FILLER_WORDS = new Set([
  'am', 'an', 'auf', 'aus', 'bei', 'beim', 'bis', 'dem', 'den', 'der', 'des', 'die', 'das', 'ein', 'eine', 'einem', 'einer',
  'hinter', 'im', 'in', 'ins', 'mit', 'nach', 'neben', 'oder', 'und', 'unter', 'vom', 'von', 'vor', 'zum', 'zur', 'zwischen',
  'ecke', 'höhe', 'hoehe', 'nähe', 'naehe', 'richtung', 'gegenüber', 'gegenueber', 'irgendwo', 'unterwegs', 'leichlingen',
]);
const STREET_SUFFIX = /(strasse|str|weg|gasse|allee|platz)$/;
const MIN_LENGTH = 3;

export function placeWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (raw.length < MIN_LENGTH || FILLER_WORDS.has(raw)) continue;
    const folded = raw.replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
    words.add(folded);
    const stem = folded.replace(STREET_SUFFIX, '');
    if (stem !== folded && stem.length >= MIN_LENGTH) words.add(stem);
  }
  return [...words].sort();
}

/** How many words two places share. */
export function sharedPlaceWords(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((word) => other.has(word));
}
