/**
 * dmn-moddle reads DMN 1.3. DMN 1.1, 1.2, 1.4 and 1.5 files differ from 1.3 in their namespaces and in elements that
 * decision tables and literal expressions do not use, so their namespace declarations are rewritten to DMN 1.3's
 * before parsing.
 */

export const DMN13_MODEL = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const DMN13_DMNDI = 'https://www.omg.org/spec/DMN/20191111/DMNDI/';

/** Each URI also in the other scheme (http/https), as modelers write both. */
const withBothSchemes = (uris: string[]): string[] =>
  uris.flatMap((uri) => [uri.replace(/^https:/, 'http:'), uri.replace(/^http:/, 'https:')]);

const REWRITES = new Map<string, string>([
  ...withBothSchemes([
    'http://www.omg.org/spec/DMN/20151101/dmn.xsd', // DMN 1.1
    'http://www.omg.org/spec/DMN/20180521/MODEL/', // DMN 1.2
    'https://www.omg.org/spec/DMN/20191111/MODEL/', // DMN 1.3
    'https://www.omg.org/spec/DMN/20211108/MODEL/', // DMN 1.4
    'https://www.omg.org/spec/DMN/20230324/MODEL/', // DMN 1.5
  ]).map((uri): [string, string] => [uri, DMN13_MODEL]),
  ...withBothSchemes([
    'http://www.omg.org/spec/DMN/20180521/DMNDI/', // DMN 1.2
    'https://www.omg.org/spec/DMN/20191111/DMNDI/', // DMN 1.3 and 1.4
    'https://www.omg.org/spec/DMN/20230324/DMNDI/', // DMN 1.5
  ]).map((uri): [string, string] => [uri, DMN13_DMNDI]),
]);

const NAMESPACE_DECLARATION = /(\sxmlns(?::[\w.-]+)?\s*=\s*)(["'])([^"']*)\2/g;

/** The document with the DMN namespaces it declares (any version from 1.1 to 1.5) turned into DMN 1.3's. */
export function asDmn13(xml: string): string {
  return xml.replace(NAMESPACE_DECLARATION, (declaration, prefix: string, quote: string, uri: string) => {
    const rewritten = REWRITES.get(uri);
    return rewritten === undefined || rewritten === uri ? declaration : `${prefix}${quote}${rewritten}${quote}`;
  });
}
