// The reader's own XML parser: strict well-formedness of what it reads, predefined entities only,
// no DOCTYPE, element lines, and the same object shape fast-xml-parser gives with the reader's
// former options (checked on every XML file of the corpus that the reader reads).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/core/text.js';
import { elementLine, readXml, XmlSyntaxError } from '../src/core/xml.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

const ARRAYS = new Set([
  'connectionreference',
  'Workflow',
  'CanvasApp',
  'Connector',
  'MissingDependency',
  'LocalizedName',
  'environmentvariabledefinition',
]);

describe('readXml', () => {
  it('reads attributes, text, repeated and array-named elements', () => {
    const doc = readXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- exported -->\n<Root a="1" b=\'two\'>\n  <Name>x &amp; y &lt;z&gt; &#65;&#x42;</Name>\n  <Empty />\n  <Item>1</Item><Item>2</Item><Item>3</Item>\n  <Workflow Name="only one"/>\n  <Mixed c="3">text<![CDATA[ <raw> & ]]></Mixed>\n</Root>',
      { arrayNames: ARRAYS },
    );
    expect(JSON.parse(JSON.stringify(doc))).toEqual({
      Root: {
        '@a': '1',
        '@b': 'two',
        Name: 'x & y <z> AB',
        Empty: '',
        Item: ['1', '2', '3'],
        Workflow: [{ '@Name': 'only one' }],
        Mixed: { '@c': '3', '#text': 'text <raw> &' },
      },
    });
  });

  it('builds only the kept children, checks what it reads, and skips the rest unread', () => {
    const keep = new Map([['Workflow', new Set(['JsonFileName'])]]);
    const doc = readXml(
      '<Workflows><Workflow Name="a"><JsonFileName>/W/a.json</JsonFileName><Type>1</Type><LocalizedNames><LocalizedName description="x &amp; y"/></LocalizedNames></Workflow></Workflows>',
      { arrayNames: ARRAYS, keepChildren: keep },
    );
    expect(JSON.parse(JSON.stringify(doc))).toEqual({
      Workflows: { Workflow: [{ '@Name': 'a', JsonFileName: '/W/a.json' }] },
    });
    // What is read is checked: a kept child, the element's own tags and attributes.
    expect(() =>
      readXml(
        '<Workflows><Workflow><JsonFileName>fish & chips</JsonFileName></Workflow></Workflows>',
        {
          keepChildren: keep,
        },
      ),
    ).toThrow(/an & that does not start/);
    expect(() =>
      readXml('<Workflows><Workflow Name="a" Name="b"></Workflow></Workflows>', {
        keepChildren: keep,
      }),
    ).toThrow(/appears twice/);
    expect(() =>
      readXml('<Workflows><Workflow><Type>1</Type></Workflows>', { keepChildren: keep }),
    ).toThrow(/does not match/);
    // A skipped child is jumped over to its closing tag, unread; one that never closes is still
    // an error, and so is anything the jump cannot vouch for (the same name nested inside).
    expect(() =>
      readXml('<Workflows><Workflow><Type>fish & chips</Type></Workflow></Workflows>', {
        keepChildren: keep,
      }),
    ).not.toThrow();
    expect(() =>
      readXml('<Workflows><Workflow><Type>1</Workflow></Workflows>', { keepChildren: keep }),
    ).toThrow(/does not match/);
    expect(() =>
      readXml('<Workflows><Workflow><Type><Type>1</Type><a></Type></Workflow></Workflows>', {
        keepChildren: keep,
      }),
    ).toThrow(/does not match/);
    // A closing tag inside a comment or processing instruction is text, not the element's end.
    const hidden = readXml(
      '<Workflows><Workflow><Type><?pi </Type><JsonFileName>x</JsonFileName><Type>?></Type><JsonFileName>/W/b.json</JsonFileName></Workflow></Workflows>',
      { arrayNames: ARRAYS, keepChildren: keep },
    );
    expect(JSON.parse(JSON.stringify(hidden))).toEqual({
      Workflows: { Workflow: [{ JsonFileName: '/W/b.json' }] },
    });
  });

  it('keeps __proto__ and constructor as plain keys', () => {
    const doc = readXml('<r><__proto__><polluted>1</polluted></__proto__><constructor a="1"/></r>');
    expect(Object.keys(doc.r as object)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['<r><a></r>', /line 1: closing tag <\/r> does not match <a>/],
    ['<r>\n<a>\n</a>', /line 3: <r> is never closed/],
    ['<r a="1" a="2"/>', /attribute a appears twice/],
    ['<r a=1/>', /malformed start tag/],
    ['<r>\n<a x="1"', /line 2: the file ends inside the start tag <a>: it is truncated/],
    ['<r>fish & chips</r>', /an & that does not start an entity reference/],
    ['<r>&custom;</r>', /an & that does not start/],
    ['<r>\n<a>fish &\nchips</a>\n</r>', /line 2: an & that does not start an entity reference/],
    ['<r>&#0;</r>', /invalid character reference/],
    ['<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>', /a DOCTYPE is not allowed/],
    ['<r/><r/>', /a second root element/],
    ['text<r/>', /text outside the root element/],
    ['<r><!-- open</r>', /a comment is never closed/],
    ['<r><![CDATA[ open</r>', /a CDATA section is never closed/],
    ['', /no root element/],
    ['<r>< a/></r>', /a < that does not start a tag/],
    ['<r><!ELEMENT r ANY></r>', /markup declaration/],
  ])('refuses %j', (xml, message) => {
    expect(() => readXml(xml)).toThrow(XmlSyntaxError);
    expect(() => readXml(xml)).toThrow(message);
  });

  it('refuses a DOCTYPE wherever it is, as refused rather than malformed', () => {
    for (const xml of [
      '<!DOCTYPE r><r/>',
      '<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<r>&x;</r>',
      '<!doctype r><r/>',
      '<r>\n<!DOCTYPE r>\n</r>',
    ]) {
      let error: unknown;
      try {
        readXml(xml);
      } catch (caught) {
        error = caught;
      }
      expect(error, xml).toBeInstanceOf(XmlSyntaxError);
      expect((error as XmlSyntaxError).refused, xml).toBe(true);
    }
  });

  it('treats comments, CDATA and processing instructions as XML does, wherever they are', () => {
    const doc = readXml(
      [
        '<?xml version="1.0"?>',
        '<!-- <r><a>not this</a></r> -->',
        '<?pi <a>nor this</a> ?>',
        '<r>',
        '  <!-- <a>nor this</a> -->',
        '  <a x="1"><![CDATA[<a x="2">]]><?pi </a> ?><!-- </a> --></a>',
        '  <b>one<!-- two -->three</b>',
        '</r>',
        '<!-- after the root -->',
      ].join('\n'),
    );
    expect(JSON.parse(JSON.stringify(doc))).toEqual({
      r: { a: { '@x': '1', '#text': '<a x="2">' }, b: 'onethree' },
    });
  });

  it('builds only the named children of the root, each where it really is, with its line', () => {
    const xml = [
      '<Root>',
      '  <!-- <connectionreferences><connectionreference name="fake"/></connectionreferences> -->',
      '  <Entities><Entity><![CDATA[<connectionreferences>]]></Entity>',
      '    <connectionreferences><connectionreference name="nested"/></connectionreferences>',
      '  </Entities>',
      '  <?note <connectionreferences> ?>',
      '  <connectionreferences>',
      '    <connectionreference name="real" />',
      '    <connectionreference',
      '        name="second"><x>1</x></connectionreference>',
      '  </connectionreferences>',
      '</Root>',
    ].join('\n');
    const doc = readXml(xml, {
      arrayNames: ARRAYS,
      sections: new Set(['connectionreferences']),
    });
    const root = doc['Root'] as Record<string, unknown>;
    expect(Object.keys(root)).toEqual(['connectionreferences']);
    const references = (root['connectionreferences'] as Record<string, unknown[]>)[
      'connectionreference'
    ]!;
    expect(JSON.parse(JSON.stringify(references))).toEqual([
      { '@name': 'real' },
      { '@name': 'second', x: '1' },
    ]);
    expect(references.map(elementLine)).toEqual([8, 9]);
    // What is not built is jumped over, unless it holds markup a search cannot see past (here a
    // CDATA section): then it is walked tag by tag, and its tags must still balance.
    expect(() =>
      readXml(xml.replace('</Entity>', ''), { sections: new Set(['connectionreferences']) }),
    ).toThrow(/line 5: closing tag <\/Entities> does not match <Entity>/);
  });

  it('refuses nesting deeper than the limit without recursion', () => {
    const deep = '<a>'.repeat(200_000) + '</a>'.repeat(200_000);
    expect(() => readXml(deep, { maxDepth: 100 })).toThrow(/nest deeper than 100 levels/);
  });
});

function xmlFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) {
      // Canvas-app sources are never read by the reader.
      if (!/^(src|.*_msapp(_src)?|Entities|WebResources|Controls|PluginAssemblies)$/i.test(name))
        xmlFilesUnder(path, out);
    } else if (
      /(^Solution\.xml|^Customizations\.xml|\.data\.xml|\.meta\.xml|environmentvariabledefinition\.xml)$/i.test(
        name,
      ) ||
      (/Connectors$|EnvironmentVariables$/i.test(dir) && name.endsWith('.xml'))
    ) {
      out.push(path);
    }
  }
  return out;
}

describe.skipIf(!hasCorpus)('readXml agrees with fast-xml-parser on the corpus', () => {
  const reference = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    isArray: (name) => ARRAYS.has(name),
  });
  const files = hasCorpus ? xmlFilesUnder(corpusDir) : [];

  it('finds the XML files the reader reads', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('gives the same object for every one of them', () => {
    for (const file of files) {
      const text = decodeText(readFileSync(file));
      const ours = JSON.parse(JSON.stringify(readXml(text, { arrayNames: ARRAYS })));
      // fast-xml-parser (htmlEntities off) leaves character references such as `&#xA;` as they
      // are; XML says to decode them, and readXml does.
      const theirs = JSON.parse(JSON.stringify(reference.parse(text)), (_key, value: unknown) =>
        typeof value === 'string'
          ? value.replace(/&#x([0-9a-f]+);|&#([0-9]+);/gi, (_m, hex?: string, dec?: string) =>
              String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)),
            )
          : value,
      );
      expect(ours, file).toEqual(theirs);
    }
  });
});

describe('readXml with keepChildren, property', () => {
  const runs = Number(process.env['PROPERTY_RUNS'] ?? 200);
  // Elements of the shapes Dataverse writes, and some it does not, under a filtered parent.
  const name = fc.constantFrom(
    'JsonFileName',
    'Category',
    'Type',
    'Mode',
    'LocalizedNames',
    'a',
    'Category2',
  );
  const text = fc.constantFrom('', '5', ' x ', 'a &amp; b', '&lt;tag&gt;', '\n  ');
  const node: fc.Memo<string> = fc.memo((depth) =>
    fc.oneof(
      { depthSize: 'small' },
      fc.tuple(name, text).map(([n, t]) => `<${n}>${t}</${n}>`),
      fc.tuple(name, text).map(([n, t]) => `<${n} k="${t}"/>`),
      fc.tuple(name, text).map(([n, t]) => `<${n} k='v'>${t}</${n}>`),
      fc.constant('<!-- </Type> -->'),
      fc.constant('<?pi </Category> ?>'),
      fc.constant('<![CDATA[</Type>]]>'),
      fc.constant('\n    '),
      depth > 1
        ? fc
            .tuple(name, fc.array(node(depth - 1), { maxLength: 4 }))
            .map(([n, children]) => `<${n}>${children.join('')}</${n}>`)
        : fc.constant('<Type>1</Type>'),
    ),
  );
  it('builds exactly the kept children that a full read builds', () => {
    const keep = new Map([['Workflow', new Set(['JsonFileName', 'Category'])]]);
    fc.assert(
      fc.property(fc.array(fc.array(node(3), { maxLength: 8 }), { maxLength: 4 }), (workflows) => {
        const xml = `<Workflows>${workflows.map((children) => `<Workflow Name="w">${children.join('')}</Workflow>`).join('')}</Workflows>`;
        const full = readXml(xml, { arrayNames: ARRAYS });
        const kept = readXml(xml, { arrayNames: ARRAYS, keepChildren: keep });
        const pick = (doc: ReturnType<typeof readXml>) =>
          JSON.parse(
            JSON.stringify(
              ((doc['Workflows'] as Record<string, unknown> | string) &&
                (doc['Workflows'] as Record<string, unknown>)['Workflow']) ??
                [],
              (key, value: unknown) =>
                key === '' ||
                /^\d+$/.test(key) ||
                ['JsonFileName', 'Category', '@Name', '#text'].includes(key)
                  ? value
                  : undefined,
            ),
          ) as unknown;
        expect(pick(kept)).toEqual(pick(full));
      }),
      { numRuns: runs },
    );
  });
});
