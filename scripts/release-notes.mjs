// Prints the CHANGELOG.md section of one version (its body, without the heading), for the GitHub
// release notes:  node scripts/release-notes.mjs 1.2.3 [CHANGELOG.md]
// Exits 1 with one line when the version has no `## [1.2.3] - YYYY-MM-DD` section.
import { readFileSync } from 'node:fs';

const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error('usage: node scripts/release-notes.mjs <version, e.g. 1.2.3> [CHANGELOG.md]');
  process.exit(2);
}

const lines = readFileSync(file, 'utf8').split(/\r?\n/);
const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`);
const start = lines.findIndex((line) => heading.test(line));
if (start < 0) {
  console.error(
    `${file} has no "## [${version}] - YYYY-MM-DD" section: add one before tagging v${version}`,
  );
  process.exit(1);
}
// The section ends at the next release heading or at the link references at the bottom.
let end = lines.findIndex(
  (line, i) => i > start && (/^## /.test(line) || /^\[[^\]]+\]: /.test(line)),
);
if (end < 0) end = lines.length;
process.stdout.write(
  `${lines
    .slice(start + 1, end)
    .join('\n')
    .trim()}\n`,
);
