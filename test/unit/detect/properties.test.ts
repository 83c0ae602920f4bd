// Property tests: scan() never throws and stays fast on arbitrary and hostile
// input, and its findings are always well formed. The 100 ms bound is the one
// timing assertion the issue asks for; everything is warmed up first, and a
// large input is timed as the best of three runs so that another process
// taking the CPU of a shared 2-core machine does not count against the scanner.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scan, type Finding } from '../../../src/detect';

const LANGUAGES = [
  'python',
  'javascript',
  'typescript',
  'java',
  'go',
  'csharp',
  'ruby',
  'php',
  'shellscript',
  'yaml',
  'json',
  'dotenv',
  'properties',
  'ini',
  'terraform',
  'dockerfile',
  'xml',
  'plaintext',
];
const BUDGET_MS = 100;

function timedScan(text: string, languageId: string): { findings: Finding[]; ms: number } {
  const started = performance.now();
  const findings = scan(text, { languageId });
  return { findings, ms: performance.now() - started };
}

function assertWellFormed(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(f.secretRange.start >= 0 && f.secretRange.start < f.secretRange.end && f.secretRange.end <= text.length);
    assert.ok(f.replaceRange.start <= f.secretRange.start && f.secretRange.end <= f.replaceRange.end && f.replaceRange.end <= text.length);
    assert.ok(f.secretRange.startLine <= f.secretRange.endLine);
  }
}

/** Lines built from the pieces the rules look for, in random order. */
const codeish = fc
  .array(
    fc.constantFrom(
      'password',
      'api_key',
      'token',
      'secret',
      '=',
      ':',
      ':=',
      '=>',
      '"',
      "'",
      '`',
      '"""',
      ' ',
      '\n',
      '${',
      '}',
      '#',
      '//',
      'AKIA',
      'ghp_',
      'sk_live_',
      'xoxb-',
      'eyJ',
      '.',
      '-----BEGIN PRIVATE KEY-----',
      '-----END PRIVATE KEY-----',
      '://',
      '@',
      ';',
      'Password=',
      'aZ3',
      '9f',
      '\\',
      '<password>',
      '</password>',
      'value:',
      '- name: DB_PASSWORD',
      'ENV ',
      '--token ',
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(''));

describe('scan() on arbitrary input', () => {
  // Warm the JIT so the first measured run is not a cold start (and load the word list, once per process, as the editor does).
  for (let i = 0; i < 3; i++)
    for (const languageId of LANGUAGES) scan('password = "aZ3~kq9!Lm2x"\nt = "ghp_' + 'aZ3x'.repeat(9) + '"\npassword = "changed!"\n', { languageId });

  it('never throws, stays well formed and within budget on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom(...LANGUAGES), (text, languageId) => {
        const { findings, ms } = timedScan(text, languageId);
        assertWellFormed(text, findings);
        assert.ok(ms < BUDGET_MS, `${ms} ms`);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, stays well formed and within budget on code-like text', () => {
    fc.assert(
      fc.property(codeish, fc.constantFrom(...LANGUAGES), (text, languageId) => {
        const { findings, ms } = timedScan(text, languageId);
        assertWellFormed(text, findings);
        assert.ok(ms < BUDGET_MS, `${ms} ms`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scan() on adversarial input stays under 100 ms', () => {
  const MB = 1024 * 1024;
  const adversarial: [string, () => string][] = [
    ['a 1 MB line of letters', () => 'a'.repeat(MB)],
    ['a 1 MB line of base64-ish characters', () => 'aZ3+/'.repeat(MB / 5)],
    ['a 1 MB line of repeated AKIA prefixes', () => 'AKIA'.repeat(MB / 4)],
    ['a 1 MB line of repeated eyJ.', () => 'eyJ'.repeat(MB / 6) + '.'.repeat(MB / 2)],
    ['a 1 MB line of repeated quotes', () => '"'.repeat(MB)],
    ['deeply repeated mixed quotes', () => `x = ${'"\'`'.repeat(MB / 3)}`],
    ['a 1 MB line of password=', () => 'password='.repeat(MB / 9)],
    ['many short password lines', () => 'password = "aZ3~kq9!Lm2x"\n'.repeat(MB / 26)],
    ['many short keyword lines', () => 'token: key secret pass auth\n'.repeat(MB / 28)],
    ['a 1 MB line of "://" and "@"', () => 'a://b:c@'.repeat(MB / 8)],
    ['an unterminated private key block', () => `-----BEGIN RSA PRIVATE KEY-----\n${'QUJD'.repeat(MB / 4)}`],
    ['many BEGIN markers', () => '-----BEGIN PRIVATE KEY-----\n'.repeat(MB / 28)],
    ['long runs of key-like characters on 4,000-character lines', () => `${'k'.repeat(3999)}=\n`.repeat(MB / 4000)],
  ];
  for (const [name, build] of adversarial) {
    it(name, () => {
      const text = build();
      for (const languageId of ['python', 'yaml', 'json', 'dotenv', 'xml']) {
        scan(text.slice(0, 20_000), { languageId }); // warm-up for this shape
        const runs = [timedScan(text, languageId), timedScan(text, languageId), timedScan(text, languageId)];
        assertWellFormed(text, runs[0].findings);
        const best = Math.min(...runs.map((run) => run.ms));
        assert.ok(best < BUDGET_MS, `${languageId}: ${best.toFixed(1)} ms`);
      }
    });
  }
});
