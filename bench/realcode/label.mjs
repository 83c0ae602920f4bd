#!/usr/bin/env node
// Records review verdicts in labels.json: every finding of an unlabelled listing (written by
// measure.mjs) whose line contains TEXT and has no label yet gets the verdict.
//
//   node bench/realcode/label.mjs .bench/realcode/unlabelled.txt tp|fp [TEXT]

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [listing, verdict, text = ''] = process.argv.slice(2);
if (!listing || (verdict !== 'tp' && verdict !== 'fp')) {
  console.error('usage: label.mjs UNLABELLED_LISTING tp|fp [TEXT]');
  process.exit(2);
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labels.json');
const labels = JSON.parse(readFileSync(file, 'utf8'));
let count = 0;
for (const row of readFileSync(listing, 'utf8').split('\n')) {
  const match = /^(\S+)\s+(\S+:\d+:\S+)\s+\?\?\s+\|/.exec(row);
  if (!match || !row.includes(text)) continue;
  const [, repo, key] = match;
  if (labels[repo]?.[key]) continue; // labelled already (by an earlier, narrower call)
  (labels[repo] ??= {})[key] = verdict;
  count++;
}
const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((repo) => [repo, Object.fromEntries(Object.entries(labels[repo]).sort())]),
);
writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${count} finding(s) labelled ${verdict}`);
