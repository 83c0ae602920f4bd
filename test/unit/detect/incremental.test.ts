// Incremental scanning gives exactly the findings of a full scan, whatever the edit:
// checked on every fixture file with random edits (insertions, deletions, secrets,
// markers, quotes and line breaks typed anywhere), and it really scans only part of a
// large file after a one-line edit.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanIncrementally, scanWithLimits, type ScanState } from '../../../src/detect';
import { FIXTURES, fake } from './helpers';

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const fixtures = filesUnder(FIXTURES)
  .filter((file) => !file.endsWith('labels.json'))
  .map((file) => ({ name: path.relative(FIXTURES, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));

/** Pieces an edit inserts: code, secrets, markers, quotes, PEM lines, line breaks. */
const piece = fc.constantFrom(
  'x',
  '\n',
  '"',
  "'",
  '`',
  '"""',
  ' = ',
  ': ',
  `password = "${fake.password(41)}"\n`,
  `TOKEN = "${fake.github(42)}"\n`,
  `AWS_ACCESS_KEY_ID = "${fake.awsKeyId(43)}"\n`,
  `aws_secret_access_key = "${fake.awsSecret(44)}"\n`,
  '# aws-secrets-lens:ignore-next-line\n',
  '  # aws-secrets-lens:ignore',
  '-----BEGIN RSA PRIVATE KEY-----\n',
  '-----END RSA PRIVATE KEY-----\n',
  '- name: DB_PASSWORD\n',
  `  value: ${fake.password(45)}\n`,
  'curl -X POST https://x \\\n',
  `  -u admin:${fake.password(46)}\n`,
  'signature: "abc"\n',
);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
});

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const comparable = (result: ReturnType<typeof scanWithLimits>) => ({
  findings: result.findings.map((f) => ({ ...f })),
  limits: result.limits,
});

describe('scanIncrementally()', () => {
  it('after any sequence of edits, finds exactly what a full scan finds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(edit, { minLength: 1, maxLength: 6 }), (fixture, edits) => {
        const input = { fileName: fixture.name };
        let text = fixture.text;
        let state: ScanState | undefined = scanIncrementally(undefined, text, input).state;
        for (const e of edits) {
          text = apply(text, e);
          const next = scanIncrementally(state, text, input);
          assert.deepEqual(comparable(next.result), comparable(scanWithLimits(text, input)), `${fixture.name} after ${JSON.stringify(e)}`);
          state = next.state;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('scans only around a one-line edit of a large file', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? `const key${i} = "${fake.token(i)}";` : `const value${i} = compute(${i});`));
    let text = lines.join('\n');
    const input = { languageId: 'typescript' };
    let { state } = scanIncrementally(undefined, text, input);
    for (let i = 0; i < 5; i++) {
      text = `${text.slice(0, 300)}x${text.slice(300)}`;
      const next = scanIncrementally(state, text, input);
      assert.equal(next.incremental, true);
      assert.deepEqual(next.result, scanWithLimits(text, input));
      state = next.state;
    }
    // Another language or file name starts over.
    assert.equal(scanIncrementally(state, text, { languageId: 'python' }).incremental, false);
  });
});
