/**
 * Reads XML into moddle objects (bpmn-moddle, dmn-moddle). moddle is lax: it skips what it cannot read and warns;
 * here each warning is either a rejection (malformed XML, duplicate or illegal ids) or tolerated (vendor extensions,
 * unknown attributes), and unresolved references are kept for the caller's checks.
 */
import { fail, ok, type Result } from '../result.js';
import { isModdleElement, type ModdleElement } from './moddle-element.js';
import { validationError, type ValidationError } from './validation-error.js';
import { describeRootElement } from './xml-prolog.js';

/** What moddle reports about a part of the document it skipped or could not resolve. */
interface ModdleReadWarning {
  message: string;
  element?: unknown;
  property?: string;
  value?: string;
}

/** A moddle instance of any schema; bpmn-moddle and dmn-moddle both read this way. */
export interface ModdleXmlReader {
  fromXML(xml: string): Promise<{ rootElement: unknown; warnings: ModdleReadWarning[] }>;
}

/** What a document of this kind is, for the message that rejects another kind of document. */
export interface ExpectedDocument {
  /** e.g. `BPMN 2.0` */
  kind: string;
  /** e.g. `<definitions> in namespace 'http://www.omg.org/spec/BPMN/20100524/MODEL'` */
  root: string;
  /** moddle warnings this kind of document tolerates besides unknown attributes and vendor extensions */
  toleratedWarnings?: RegExp[];
}

/** The id an unresolved reference pointed to, by referring element and property (e.g. `bpmn:targetRef`). */
export type UnresolvedReferences = Map<ModdleElement, Map<string, string>>;

export interface ModdleDocument {
  root: ModdleElement;
  /** Elements moddle dropped because of their id. */
  idErrors: ValidationError[];
  unresolvedReferences: UnresolvedReferences;
}

const TOLERATED_WARNINGS = [/^unknown attribute/, /^unsupported document encoding/, /^unrecognized element/, /^unexpected body text/];

export async function readModdleDocument(reader: ModdleXmlReader, xml: string, expected: ExpectedDocument): Promise<Result<ModdleDocument>> {
  let rootElement: unknown;
  let warnings: ModdleReadWarning[];
  try {
    ({ rootElement, warnings } = await reader.fromXML(xml));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(message.startsWith('failed to parse document as') ? wrongDocumentMessage(xml, expected) : malformedMessage(message, xml));
  }
  if (!isModdleElement(rootElement)) return fail(wrongDocumentMessage(xml, expected));
  const document: ModdleDocument = { root: rootElement, idErrors: [], unresolvedReferences: new Map() };
  const tolerated = [...TOLERATED_WARNINGS, ...(expected.toleratedWarnings ?? [])];
  for (const warning of warnings) {
    const rejection = classifyWarning(warning, document, xml, tolerated);
    if (rejection) return fail(rejection);
  }
  return ok(document);
}

/** Records what the warning means for `document`; returns a rejection message when the document is unusable. */
function classifyWarning(warning: ModdleReadWarning, document: ModdleDocument, xml: string, tolerated: RegExp[]): string | undefined {
  if (warning.message.startsWith('unresolved reference') && isModdleElement(warning.element)) {
    const byProperty = document.unresolvedReferences.get(warning.element) ?? new Map<string, string>();
    byProperty.set(warning.property ?? '', warning.value ?? '');
    document.unresolvedReferences.set(warning.element, byProperty);
    return undefined;
  }
  const nested = nestedError(warning.message);
  if (tolerated.some((pattern) => pattern.test(nested))) return undefined;
  const id = /^(duplicate|illegal) ID <(.*)>$/.exec(nested);
  if (id) {
    const reason = id[1] === 'duplicate'
      ? `Id '${id[2]}' is used by more than one element`
      : `Id '${id[2]}' is not a valid XML id (it must start with a letter or '_' and contain no spaces or ':')`;
    document.idErrors.push(validationError(id[2]!, `${reason}${position(warning.message)}`));
    return undefined;
  }
  return malformedMessage(warning.message, xml);
}

/** moddle wraps the parser's reason: `unparsable content <x> detected\n\tline: …\n\tnested error: <reason>`. */
function nestedError(moddleMessage: string): string {
  return /nested error: (.*)$/m.exec(moddleMessage)?.[1] ?? moddleMessage.split('\n')[0]!;
}

/** saxen counts lines and columns from 0; editors count from 1. */
function position(message: string): string {
  const match = /line: (\d+)\s+column: (\d+)/.exec(message);
  return match ? ` (line ${Number(match[1]) + 1}, column ${Number(match[2]) + 1})` : '';
}

function malformedMessage(moddleMessage: string, xml: string): string {
  const reason = nestedError(moddleMessage);
  // saxen reports no usable position for a truncated document; its end is where the problem is
  const where = reason === 'unexpected end of file' ? endPosition(xml) : position(moddleMessage);
  return `Not well-formed XML: ${reason}${where}`;
}

function endPosition(xml: string): string {
  const lines = xml.split('\n');
  return ` (line ${lines.length}, column ${lines[lines.length - 1]!.length + 1})`;
}

function wrongDocumentMessage(xml: string, expected: ExpectedDocument): string {
  const root = describeRootElement(xml);
  const found = !root
    ? 'it has no root element'
    : `its root element is <${root.qualifiedName}> ${root.namespace ? `in namespace '${root.namespace}'` : 'without a namespace'}`;
  return `Not a ${expected.kind} document: ${found}; expected ${expected.root}`;
}
