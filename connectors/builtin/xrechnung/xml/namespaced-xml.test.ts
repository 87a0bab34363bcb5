import { describe, expect, it } from '@jest/globals';
import { descend, readXml, type XmlElement } from './namespaced-xml.js';

function root(xml: string): XmlElement {
  const result = readXml(xml);
  if (!result.ok) throw new Error(result.message);
  return result.root;
}

describe('readXml', () => {
  it('names elements by namespace and local name, whatever the prefixes', () => {
    const prefixed = root('<a:doc xmlns:a="urn:a" xmlns:b="urn:b"><b:item>1</b:item></a:doc>');
    const defaulted = root('<doc xmlns="urn:a"><item xmlns="urn:b">1</item></doc>');
    for (const document of [prefixed, defaulted]) {
      expect([document.namespace, document.localName]).toEqual(['urn:a', 'doc']);
      expect(descend(document, ['urn:b', 'item'])?.text).toBe('1');
      expect(descend(document, ['urn:a', 'item'])).toBeUndefined();
    }
  });

  it('resolves prefixed attributes to their namespace and keeps plain ones by name', () => {
    const document = root('<doc xmlns:x="urn:x" x:kind="k" currencyID="EUR"/>');
    expect([...document.attributes]).toEqual([['{urn:x}kind', 'k'], ['currencyID', 'EUR']]);
  });

  it('decodes the predefined entities and character references, and keeps CDATA as it is', () => {
    const document = root('<doc a="1&amp;2">&lt;M&#252;ller &amp; S&#xF6;hne&gt;<![CDATA[ &amp; ]]></doc>');
    expect(document.text).toBe('<Müller & Söhne> &amp; ');
    expect(document.attributes.get('a')).toBe('1&2');
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', () => {
    const billionLaughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><doc>&lol2;</doc>';
    const externalEntity = '<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><doc>&xxe;</doc>';
    for (const xml of [billionLaughs, externalEntity]) expect(readXml(xml)).toMatchObject({ ok: false, problem: 'doctype' });
  });

  it('refuses undefined entities, undeclared prefixes and broken documents', () => {
    expect(readXml('<doc>&nbsp;</doc>')).toMatchObject({ ok: false, problem: 'not-well-formed' });
    expect(readXml('<p:doc/>')).toMatchObject({ ok: false, problem: 'namespace' });
    expect(readXml('<doc xmlns:p="urn:p"><q:item/></doc>')).toMatchObject({ ok: false, problem: 'namespace' });
    expect(readXml('<doc><item></doc>')).toMatchObject({ ok: false, problem: 'not-well-formed' });
    expect(readXml('<doc>')).toMatchObject({ ok: false, problem: 'not-well-formed' });
  });

  it('reads bytes as UTF-8 and skips a byte order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFF<doc>Straße</doc>');
    expect(root(new TextDecoder().decode(bytes)).text).toBe('Straße');
    const result = readXml(bytes);
    expect(result.ok && result.root.text).toBe('Straße');
  });
});
