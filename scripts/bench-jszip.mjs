#!/usr/bin/env node
// The alternative the benchmark compares the project's zip reader against (issue 6): read a
// solution zip with JSZip the usual way (whole file into memory, JSZip.loadAsync) and read what the
// rules need: solution.xml, customizations.xml, every Workflows/*.json (decoded and parsed, UTF-8
// or UTF-16LE with BOM) and environmentvariabledefinitions/*. Prints a one-line JSON summary.
// Usage: node scripts/bench-jszip.mjs SOLUTION.zip
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/bench-jszip.mjs SOLUTION.zip');
  process.exit(2);
}

/** @param {Buffer} data */
function decode(data) {
  if (data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.toString('utf8', 3);
  return data.toString('utf8');
}

const zip = await JSZip.loadAsync(await readFile(path));
let bytes = 0;
let flows = 0;
let envFiles = 0;
for (const name of ['solution.xml', 'customizations.xml']) {
  const entry = zip.file(name);
  if (!entry) throw new Error(`${name} missing`);
  bytes += decode(await entry.async('nodebuffer')).length;
}
for (const entry of zip.file(/^Workflows\/[^/]+\.json$/)) {
  const data = await entry.async('nodebuffer');
  bytes += data.length;
  JSON.parse(decode(data));
  flows++;
}
for (const entry of zip.file(/^environmentvariabledefinitions\//)) {
  bytes += (await entry.async('nodebuffer')).length;
  envFiles++;
}
console.log(JSON.stringify({ flows, envFiles, bytes }));
