/** The names of a diagram's elements by id, read from its BPMN XML, so tables can say "Steuer berechnen", not `berechnen`. */
export function elementNamesOf(xml: string | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  if (!xml) return names;
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of document.querySelectorAll('[id][name]')) {
    names.set(element.getAttribute('id')!, element.getAttribute('name')!);
  }
  return names;
}
