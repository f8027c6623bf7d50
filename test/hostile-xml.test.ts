// Hostile XML in every solution file the reader parses: DOCTYPEs and entities (never expanded,
// never fetched), deep nesting, huge attributes, invalid characters, unclosed sections.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_TIMEOUT,
  copyExample,
  customizationsXml,
  expectUnreadable,
  readOne,
  removeTempDirs,
  solutionEntries,
  tempDir,
  withinMemory,
  writeExtracted,
  writeFile,
  writeZip,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

/** The XML files of the shipped unpacked example that the reader parses. */
const UNPACKED_XML = [
  'Other/Solution.xml',
  'Other/Customizations.xml',
  'Workflows/InvoiceRoutenewinvoice-5B1D2C3E-0A0B-4C5D-8E9F-101112131415.json.data.xml',
  'CanvasApps/contoso_invoiceapprovals_1a2b3.meta.xml',
  'environmentvariabledefinitions/contoso_ErpSettings/environmentvariabledefinition.xml',
];

/** Copies the example and rewrites one file with `transform`; returns the dir (cwd). */
function breakUnpacked(file: string, transform: (xml: string) => string | Buffer): string {
  const dir = tempDir();
  const root = copyExample(dir);
  const path = join(root, file);
  writeFileSync(path, transform(readFileSync(path, 'utf8')));
  return dir;
}

/** Puts `fragment` right after the XML declaration (or at the start). */
function prolog(xml: string, fragment: string): string {
  const declaration = /^\uFEFF?<\?xml[^>]*\?>/.exec(xml);
  return declaration
    ? `${declaration[0]}\n${fragment}${xml.slice(declaration[0].length)}`
    : fragment + xml;
}

const BILLION_LAUGHS = `<!DOCTYPE lolz [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`;

/** A file outside the solution whose content must never show up in facts or reasons. */
function secretFile(dir: string): { path: string; content: string } {
  const content = `xxe-canary-${process.pid}-${Date.now()}`;
  return { path: writeFile(join(dir, 'outside-secret.txt'), content), content };
}

describe('hostile XML: DOCTYPE and entities', () => {
  for (const file of UNPACKED_XML) {
    it(
      `refuses a billion-laughs DOCTYPE in ${file}, without expanding it`,
      async () => {
        const dir = breakUnpacked(file, (xml) =>
          // The entity is also used, where the reader would read it, to prove it never expands.
          prolog(xml, BILLION_LAUGHS).replace(/<(Name|UniqueName|type)>/, '<$1>&lol9;'),
        );
        const result = await withinMemory(() => readOne('solution', dir), 64);
        expectUnreadable(result, `solution/${file}`, /DOCTYPE/);
      },
      HOSTILE_TIMEOUT,
    );

    it(
      `refuses an external entity (XXE) in ${file}, without reading the file it names`,
      async () => {
        const dir = tempDir();
        const secret = secretFile(dir);
        const root = copyExample(dir);
        const path = join(root, file);
        const xml = readFileSync(path, 'utf8');
        writeFileSync(
          path,
          prolog(
            xml,
            `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${secret.path}"><!ENTITY % p SYSTEM "file://${secret.path}"> %p;]>\n`,
          ).replace(/<(Name|UniqueName|type)>/, '<$1>&xxe;'),
        );
        const result = await readOne('solution', dir);
        expectUnreadable(result, `solution/${file}`, /DOCTYPE/);
        expect(JSON.stringify(result)).not.toContain(secret.content);
      },
      HOSTILE_TIMEOUT,
    );
  }

  it(
    'refuses a DOCTYPE in a zip customizations.xml prolog, and inside a section',
    async () => {
      const dir = tempDir();
      for (const xml of [
        prolog(customizationsXml(), BILLION_LAUGHS),
        customizationsXml().replace(
          '<connectionreferences>',
          `${BILLION_LAUGHS}<connectionreferences>`,
        ),
        // Lower case and odd spacing still count.
        prolog(customizationsXml(), '<!doctype x [ <!ENTITY a "b"> ]>'),
      ]) {
        writeZip(
          dir,
          'S.zip',
          solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }),
        );
        expectUnreadable(await readOne('S.zip', dir), 'S.zip!/customizations.xml', /DOCTYPE/);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses an entity reference that has no declaration, and never reads a file for it',
    async () => {
      const dir = tempDir();
      const secret = secretFile(dir);
      const xml = customizationsXml().replace(
        '<connectionreferencedisplayname>Office',
        `<connectionreferencedisplayname>&xxe;&#x26;xxe;&lol9;${secret.path}`,
      );
      writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }));
      const result = await readOne('S.zip', dir);
      expect(JSON.stringify(result)).not.toContain(secret.content);
      // An undefined entity is not well-formed XML: refused, with its line.
      expectUnreadable(
        result,
        'S.zip!/customizations.xml',
        /line 11: an & that does not start an entity reference/,
      );
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile XML: deep nesting', () => {
  const deep = (levels: number, tag = 'x') =>
    `${`<${tag}>`.repeat(levels)}${`</${tag}>`.repeat(levels)}`;

  for (const file of UNPACKED_XML) {
    it(
      `refuses 100,000 nested elements in ${file} without overflowing the stack`,
      async () => {
        const dir = breakUnpacked(file, (xml) => {
          // Inside the element the reader parses (the whole file for all but Customizations.xml).
          const anchor =
            file === 'Other/Customizations.xml'
              ? '<connectionreferences>'
              : /<(SolutionManifest|CanvasApp|Workflow|environmentvariabledefinition)[\s>][^>]*>|<(SolutionManifest|CanvasApp|Workflow)>/;
          const match =
            typeof anchor === 'string'
              ? { index: xml.indexOf(anchor), length: anchor.length }
              : (() => {
                  const m = anchor.exec(xml)!;
                  return { index: m.index, length: m[0].length };
                })();
          const at = match.index + match.length;
          return xml.slice(0, at) + deep(100_000) + xml.slice(at);
        });
        const result = await withinMemory(() => readOne('solution', dir), 128);
        expectUnreadable(result, `solution/${file}`, /(nest|not well-formed)/i);
      },
      HOSTILE_TIMEOUT,
    );
  }

  it(
    'jumps over deep nesting outside the sections it reads (entities metadata), unread',
    async () => {
      const dir = tempDir();
      const xml = customizationsXml().replace(
        '<Workflows>',
        `<Entities>${deep(200_000)}</Entities><Workflows>`,
      );
      writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }));
      const result = await withinMemory(() => readOne('S.zip', dir), 128);
      expect(result.ok).toBe(true);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses deep nesting outside the sections when it has to walk it (a comment inside)',
    async () => {
      const dir = tempDir();
      const xml = customizationsXml().replace(
        '<Workflows>',
        `<Entities><!-- </Entities> -->${deep(200_000)}</Entities><Workflows>`,
      );
      writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }));
      const result = await withinMemory(() => readOne('S.zip', dir), 128);
      expectUnreadable(result, 'S.zip!/customizations.xml', /nest deeper than 100 levels/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses 1,000,000 nested elements in a section, in bounded time',
    async () => {
      const dir = tempDir();
      const xml = customizationsXml().replace(
        '<connectionreferences>',
        `<connectionreferences>${deep(1_000_000, 'a')}`,
      );
      writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }));
      const result = await withinMemory(() => readOne('S.zip', dir), 256);
      expectUnreadable(result, 'S.zip!/customizations.xml', /(nest|not well-formed)/i);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile XML: huge and odd content', () => {
  // The parser's cost is linear in the attribute's length, so the time is bounded by
  // maxEntryBytes, but a test of the default 256 MB would take half a minute.
  const attributeCases: [string, () => string][] = [
    ['an 8 MB attribute', () => `huge="${'A'.repeat(8 * 1024 * 1024)}"`],
    ['50,000 attributes', () => Array.from({ length: 50_000 }, (_, i) => `a${i}="${i}"`).join(' ')],
  ];
  for (const [name, attributes] of attributeCases) {
    it(
      `reads or refuses ${name} in bounded time and memory`,
      async () => {
        const dir = tempDir();
        const xml = customizationsXml().replace(
          '<connectionreference connectionreferencelogicalname="new_sharedoffice365_1"',
          `<connectionreference ${attributes()} connectionreferencelogicalname="new_sharedoffice365_1"`,
        );
        writeZip(
          dir,
          'S.zip',
          solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }),
        );
        const result = await withinMemory(() => readOne('S.zip', dir), 512);
        if (result.ok) expect(result.solution.connectionReferences).toHaveLength(1);
        else expectUnreadable(result, 'S.zip!/customizations.xml', /XML/);
      },
      HOSTILE_TIMEOUT,
    );
  }

  it(
    'refuses characters XML forbids: NUL, C0 controls, U+FFFE, lone surrogates',
    async () => {
      const dir = tempDir();
      for (const bad of ['\u0000', '\u0001', '\u001b[31m', '\ufffe', '\uffff']) {
        const xml = customizationsXml().replace('>Office<', `>Off${bad}ice<`);
        writeZip(
          dir,
          'S.zip',
          solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }),
        );
        expectUnreadable(
          await readOne('S.zip', dir),
          'S.zip!/customizations.xml',
          /not allowed in XML/,
        );
      }
      // A lone surrogate can only arrive as UTF-16 bytes: the strict decoder refuses it.
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(customizationsXml().replace('>Office<', '>Off\ud800ice<'), 'utf16le'),
      ]);
      writeZip(
        dir,
        'S.zip',
        solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': utf16 }),
      );
      expectUnreadable(await readOne('S.zip', dir), 'S.zip!/customizations.xml', /UTF-16LE/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses invalid UTF-8 in solution.xml and customizations.xml',
    async () => {
      const dir = tempDir();
      for (const name of ['solution.xml', 'customizations.xml']) {
        const good = Buffer.from(zipSolutionFiles()[name] as string);
        const bad = Buffer.concat([
          good.subarray(0, 60),
          Buffer.from([0xc3, 0x28, 0xff]),
          good.subarray(60),
        ]);
        writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), [name]: bad }));
        expectUnreadable(await readOne('S.zip', dir), `S.zip!/${name}`, /not valid UTF-8/);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses unclosed sections, CDATA, comments and a missing end tag',
    async () => {
      const dir = tempDir();
      const cases: [string, RegExp][] = [
        [
          customizationsXml().replace('</connectionreferences>', ''),
          /closing tag <\/ImportExportXml> does not match <connectionreferences>/,
        ],
        [
          customizationsXml().replace('<connectorid>', '<connectorid><![CDATA[ x'),
          /not well-formed|truncated/,
        ],
        [
          customizationsXml().replace('<connectorid>', '<connectorid><!-- x'),
          /not well-formed|truncated/,
        ],
        [customizationsXml().replace('</ImportExportXml>', ''), /truncated/],
        [customizationsXml().replace('</CanvasApp>', '<CanvasApp>'), /not well-formed/],
      ];
      for (const [xml, what] of cases) {
        writeZip(
          dir,
          'S.zip',
          solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }),
        );
        expectUnreadable(await readOne('S.zip', dir), 'S.zip!/customizations.xml', what);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reads an element named __proto__ as plain data, without prototype pollution',
    async () => {
      const dir = tempDir();
      const xml = customizationsXml().replace(
        '<CanvasApps>',
        '<CanvasApps><__proto__><polluted>1</polluted></__proto__><constructor><prototype><polluted>1</polluted></prototype></constructor>',
      );
      writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), 'customizations.xml': xml }));
      const result = await readOne('S.zip', dir);
      expect(result.ok).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses many unterminated open tags in linear time',
    async () => {
      const dir = tempDir();
      // `<connectionreferences ` a million times with no `>` after them: a backtracking search
      // for the section would take hours.
      for (const xml of [
        `<ImportExportXml></ImportExportXml>${'<connectionreferences '.repeat(1_000_000)}`,
        `<ImportExportXml>${'<connectionreferences '.repeat(1_000_000)}</ImportExportXml>`,
      ]) {
        writeExtracted(dir, { ...zipSolutionFiles(), 'customizations.xml': xml });
        const started = Date.now();
        const result = await readOne('.', dir);
        expect(Date.now() - started).toBeLessThan(HOSTILE_TIMEOUT);
        expectUnreadable(result, 'customizations.xml', /not well-formed XML/);
      }
    },
    HOSTILE_TIMEOUT,
  );
});
