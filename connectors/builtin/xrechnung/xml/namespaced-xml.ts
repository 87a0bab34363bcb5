/**
 * Reads an XML document into elements named by namespace URI and local name, so that readers never depend on
 * the prefixes a sender happened to choose. fast-xml-parser does the tokenising; namespace scoping, the five
 * predefined entities and character references are resolved here. Documents with a DOCTYPE are refused outright:
 * an invoice has no use for a DTD, and refusing it rules out entity expansion (billion laughs) and external
 * entities (XXE).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  namespace: string;
  localName: string;
  /** Attributes without a prefix by their name; prefixed ones as `{namespace}localName`. */
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA children joined), untrimmed. */
  text: string;
}

export type XmlReadResult =
  | { ok: true; root: XmlElement }
  | { ok: false; problem: 'not-well-formed' | 'doctype' | 'namespace'; message: string };

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const ATTRIBUTE_PREFIX = '@_';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: CDATA,
  // Entities are decoded below, after the DOCTYPE check, so the parser never expands anything.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // UBL and CII nest deeply, but nothing near this.
  maxNestedTags: 200,
});

export function readXml(source: string | Uint8Array): XmlReadResult {
  const text = typeof source === 'string' ? source : new TextDecoder('utf-8', { fatal: false }).decode(source);
  const xml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/<!DOCTYPE/i.test(xml)) {
    return { ok: false, problem: 'doctype', message: 'The document has a DOCTYPE declaration; invoices are read without DTDs or entity definitions' };
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return { ok: false, problem: 'not-well-formed', message: `The XML is not well-formed (line ${line}, column ${col}): ${msg}` };
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    return { ok: false, problem: 'not-well-formed', message: `The XML could not be read: ${(error as Error).message}` };
  }
  const roots = nodes.filter((node) => elementName(node) !== undefined);
  if (roots.length !== 1) return { ok: false, problem: 'not-well-formed', message: 'The document must have exactly one root element' };
  try {
    return { ok: true, root: toElement(roots[0], new Map([['xml', XML_NAMESPACE]])) };
  } catch (error) {
    if (error instanceof XmlContentError) return { ok: false, problem: error.problem, message: error.message };
    throw error;
  }
}

/** The children of `element` with the given namespace and local name, in document order. */
export function childrenNamed(element: XmlElement | undefined, namespace: string, localName: string): XmlElement[] {
  return element ? element.children.filter((child) => child.localName === localName && child.namespace === namespace) : [];
}

export function firstChild(element: XmlElement | undefined, namespace: string, localName: string): XmlElement | undefined {
  return element?.children.find((child) => child.localName === localName && child.namespace === namespace);
}

/** Follows a path of `[namespace, localName]` steps through first children. */
export function descend(element: XmlElement | undefined, ...steps: readonly (readonly [string, string])[]): XmlElement | undefined {
  let current = element;
  for (const [namespace, localName] of steps) current = firstChild(current, namespace, localName);
  return current;
}

type OrderedNode = Record<string, unknown>;

class XmlContentError extends Error {
  constructor(readonly problem: 'not-well-formed' | 'namespace', message: string) {
    super(message);
  }
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES && key !== TEXT && key !== CDATA && !key.startsWith('?'));
}

function toElement(node: OrderedNode, inheritedScope: ReadonlyMap<string, string>): XmlElement {
  const qualifiedName = elementName(node)!;
  const rawAttributes = (node[ATTRIBUTES] ?? {}) as Record<string, string>;
  const scope = new Map(inheritedScope);
  const plainAttributes: [string, string][] = [];
  for (const [key, rawValue] of Object.entries(rawAttributes)) {
    const name = key.slice(ATTRIBUTE_PREFIX.length);
    const value = decodeCharacterData(String(rawValue));
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) {
      if (value === '') throw new XmlContentError('namespace', `The prefix "${name.slice(6)}" is bound to an empty namespace`);
      scope.set(name.slice(6), value);
    } else plainAttributes.push([name, value]);
  }
  const { prefix, localName } = splitName(qualifiedName);
  const namespace = scope.get(prefix);
  if (namespace === undefined) {
    if (prefix !== '') throw new XmlContentError('namespace', `The element prefix "${prefix}" of <${qualifiedName}> is not declared`);
  }
  const attributes = new Map<string, string>();
  for (const [name, value] of plainAttributes) {
    const parts = splitName(name);
    if (parts.prefix === '') attributes.set(name, value);
    else {
      const attributeNamespace = scope.get(parts.prefix);
      if (attributeNamespace === undefined || attributeNamespace === XMLNS_NAMESPACE) {
        throw new XmlContentError('namespace', `The attribute prefix "${parts.prefix}" of ${name} is not declared`);
      }
      attributes.set(`{${attributeNamespace}}${parts.localName}`, value);
    }
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qualifiedName] ?? []) as OrderedNode[]) {
    if (TEXT in child) text += decodeCharacterData(String(child[TEXT]));
    else if (CDATA in child) text += cdataText(child[CDATA]);
    else if (elementName(child) !== undefined) children.push(toElement(child, scope));
  }
  return { namespace: namespace ?? '', localName, attributes, children, text };
}

function splitName(name: string): { prefix: string; localName: string } {
  const colon = name.indexOf(':');
  if (colon === -1) return { prefix: '', localName: name };
  if (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) !== -1) {
    throw new XmlContentError('namespace', `"${name}" is not a valid qualified name`);
  }
  return { prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

function cdataText(value: unknown): string {
  // fast-xml-parser keeps a CDATA section as [{ '#text': '...' }].
  if (Array.isArray(value)) return value.map((part) => String((part as OrderedNode)[TEXT] ?? '')).join('');
  return String(value ?? '');
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Resolves the five predefined entities and character references; any other reference is an error without a DTD. */
function decodeCharacterData(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]*);?/g, (reference, name: string) => {
    if (!reference.endsWith(';')) throw new XmlContentError('not-well-formed', `An "&" that starts no reference: "${reference}"`);
    if (name in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[name];
    const codePoint = /^#x[0-9a-fA-F]+$/.test(name) ? Number.parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name) ? Number.parseInt(name.slice(1), 10) : undefined;
    if (codePoint === undefined) throw new XmlContentError('not-well-formed', `The entity "${reference}" is not defined`);
    if (!isXmlCharacter(codePoint)) throw new XmlContentError('not-well-formed', `"${reference}" is not a character XML allows`);
    return String.fromCodePoint(codePoint);
  });
}

function isXmlCharacter(codePoint: number): boolean {
  return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd
    || (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd)
    || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
}
