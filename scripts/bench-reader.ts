// The project's zip reader alone, doing what scripts/bench-jszip.mjs does with JSZip: open a
// solution zip and read solution.xml, customizations.xml, every Workflows/*.json (decoded and
// parsed) and environmentvariabledefinitions/*, one entry after another. scripts/bench.mjs bundles
// it with ncc into its work folder, so the comparison measures the reader, not the rules or report.
// Usage (bundled): node reader.js SOLUTION.zip
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { ZipArchive } from '../src/core/zip.js';

function decode(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.toString('utf8', 3);
  return data.toString('utf8');
}

async function main(path: string): Promise<void> {
  const zip = await ZipArchive.open(path, DEFAULT_LIMITS);
  try {
    let bytes = 0;
    let flows = 0;
    let envFiles = 0;
    for (const name of ['solution.xml', 'customizations.xml']) {
      const entry = zip.find(name);
      if (!entry) throw new Error(`${name} missing`);
      bytes += decode(zip.read(entry)).length;
    }
    for (const entry of zip.entries) {
      if (/^Workflows\/[^/]+\.json$/i.test(entry.name)) {
        const data = zip.read(entry);
        bytes += data.length;
        JSON.parse(decode(data));
        flows++;
      } else if (/^environmentvariabledefinitions\//i.test(entry.name)) {
        bytes += zip.read(entry).length;
        envFiles++;
      }
    }
    console.log(JSON.stringify({ flows, envFiles, bytes }));
  } finally {
    await zip.close();
  }
}

const path = process.argv[2];
if (!path) {
  console.error('usage: node reader.js SOLUTION.zip');
  process.exit(2);
}
await main(path);
