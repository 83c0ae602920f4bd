// Every fixture file, per language: the labelled lines are found with the
// labelled rules, and nothing else is (the unlabelled lines are the traps).

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../../src/detect';
import { FIXTURES } from './helpers';

interface Label {
  file: string;
  start: number;
  end: number;
  ruleIds: string[];
}

const labels: Label[] = JSON.parse(readFileSync(path.join(FIXTURES, 'labels.json'), 'utf8')).secrets;

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const fixtureFiles = filesUnder(FIXTURES)
  .map((file) => path.relative(FIXTURES, file).split(path.sep).join('/'))
  .filter((file) => file !== 'labels.json')
  .sort();

describe('detector fixtures', () => {
  it('covers every language and format the issue lists', () => {
    const folders = new Set(fixtureFiles.map((file) => file.split('/')[0]));
    for (const language of [
      'python',
      'javascript',
      'typescript',
      'java',
      'go',
      'csharp',
      'ruby',
      'php',
      'shell',
      'yaml',
      'json',
      'dotenv',
      'properties',
      'ini',
      'terraform',
      'dockerfile',
      'xml',
    ]) {
      assert.ok(folders.has(language), `no fixture for ${language}`);
    }
  });

  it('labels only files that exist', () => {
    for (const label of labels) assert.ok(fixtureFiles.includes(label.file), label.file);
  });

  for (const file of fixtureFiles) {
    it(file, () => {
      const text = readFileSync(path.join(FIXTURES, file), 'utf8');
      const lines = text.split('\n');
      const found = new Map<number, string[]>();
      for (const finding of scan(text, { fileName: file })) {
        const line = finding.secretRange.startLine + 1;
        found.set(line, [...(found.get(line) ?? []), finding.ruleId].sort());

        // The secret range holds a value, not its quotes or surrounding space.
        const secret = text.slice(finding.secretRange.start, finding.secretRange.end);
        assert.ok(secret.length >= 6, `${file}:${line} short secret range`);
        assert.doesNotMatch(secret, /^["'`\s]|["'`\s]$/, `${file}:${line} secret range includes a quote or space`);
        // The replace range contains the secret and, for a quoted literal, starts and ends with the quote.
        assert.ok(
          finding.replaceRange.start <= finding.secretRange.start && finding.secretRange.end <= finding.replaceRange.end,
          `${file}:${line} replace range`,
        );
        if (finding.quote) {
          const literal = text.slice(finding.replaceRange.start, finding.replaceRange.end);
          assert.ok(literal.endsWith(finding.quote), `${file}:${line} literal ${finding.quote} ends with its quote`);
          assert.ok(literal.replace(/^[rRbBuUfF@$]{1,2}/, '').startsWith(finding.quote), `${file}:${line} literal starts with its quote`);
        }
      }
      const expected = new Map(labels.filter((l) => l.file === file).map((l) => [l.start, [...l.ruleIds].sort()]));
      for (const [line, ruleIds] of expected) {
        assert.deepEqual(found.get(line), ruleIds, `${file}:${line} expected ${ruleIds.join(', ')} on: ${lines[line - 1].slice(0, 60)}`);
      }
      for (const [line, ruleIds] of found) {
        assert.ok(expected.has(line), `${file}:${line} false positive ${ruleIds.join(', ')} on: ${lines[line - 1].slice(0, 60)}`);
      }
    });
  }
});
