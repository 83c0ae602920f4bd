/**
 * The dotenv parser against the rules the dotenv package documents (README, "What rules does
 * the parsing engine follow?", "Multiline Values", "Comments") and against `dotenv.parse`
 * itself, on generated files full of the characters that matter (quotes, #, =, spaces, line
 * breaks, backslashes, unicode).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import dotenv from 'dotenv';
import fc from 'fast-check';
import { parseDotenv } from '../../../src/references/dotenv';
import { dotenvLine } from '../../../src/references/serialize';

/** What a program gets: the last value of each key, like dotenv.parse. */
function values(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of parseDotenv(text)) out[entry.key] = entry.value;
  return out;
}

describe('dotenv syntax: the documented rules', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['BASIC=basic becomes basic', 'BASIC=basic', { BASIC: 'basic' }],
    ['empty lines are skipped', '\n\nA=1\n\n\nB=2\n', { A: '1', B: '2' }],
    ['lines beginning with # are comments', '# A=1\nB=2\n  # C=3', { B: '2' }],
    ['# starts a comment after an unquoted value', 'SECRET_KEY=YOURSECRETKEYGOESHERE # comment', { SECRET_KEY: 'YOURSECRETKEYGOESHERE' }],
    ['# inside quotes is part of the value', 'SECRET_HASH="something-with-a-#-hash"', { SECRET_HASH: 'something-with-a-#-hash' }],
    ['# without a space still starts a comment', 'A=abc#def', { A: 'abc' }],
    ['empty values become empty strings', 'EMPTY=', { EMPTY: '' }],
    ['inner quotes are kept (think JSON)', 'JSON={"foo": "bar"}', { JSON: '{"foo": "bar"}' }],
    ['unquoted values are trimmed', 'FOO=  some value  ', { FOO: 'some value' }],
    ['single quotes are removed', "SINGLE_QUOTE='quoted'", { SINGLE_QUOTE: 'quoted' }],
    ['quoted values keep their spaces', 'FOO="  some value  "', { FOO: '  some value  ' }],
    ['double quotes expand \\n', 'MULTILINE="new\\nline"', { MULTILINE: 'new\nline' }],
    ['single quotes do not expand \\n', "RAW='new\\nline'", { RAW: 'new\\nline' }],
    [
      'backticks hold both quotes',
      'BACKTICK_KEY=`This has \'single\' and "double" quotes inside of it.`',
      { BACKTICK_KEY: `This has 'single' and "double" quotes inside of it.` },
    ],
    [
      'line breaks inside quotes make multiline values',
      'PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n...\nKh9NV...\n-----END RSA PRIVATE KEY-----"',
      { PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\n...\nKh9NV...\n-----END RSA PRIVATE KEY-----' },
    ],
    ['export prefix', 'export TOKEN=abc', { TOKEN: 'abc' }],
    ['KEY: value (YAML style)', 'KEY: value', { KEY: 'value' }],
    ['= inside the value', 'URL=postgres://u:p@h/db?sslmode=require&x=1', { URL: 'postgres://u:p@h/db?sslmode=require&x=1' }],
    ['a later key wins', 'A=1\nA=2', { A: '2' }],
    ['CRLF line ends', 'A=1\r\nB="x\r\ny"\r\n', { A: '1', B: 'x\ny' }],
    ['an unterminated quote is kept as text', 'A="abc\nB=def', { A: '"abc', B: 'def' }],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => {
      assert.deepEqual(values(text), expected);
      assert.deepEqual(values(text), dotenv.parse(text), 'agrees with dotenv.parse');
    });
  }

  it('says where each key and written value is (0-based lines and characters)', () => {
    const text = '# header\nexport A = "x\ny" # c\nB=\n  C: plain\n';
    const [a, b, c] = parseDotenv(text);
    assert.deepEqual(a!.keyRange, { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
    assert.deepEqual(a!.valueRange, { start: { line: 1, character: 11 }, end: { line: 2, character: 2 } });
    assert.equal(a!.written, '"x\ny"');
    assert.equal(a!.quote, '"');
    assert.equal(a!.exported, true);
    assert.deepEqual(b!.valueRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } });
    assert.equal(b!.quote, undefined);
    assert.deepEqual(c!.keyRange.start, { line: 4, character: 2 });
    assert.deepEqual(c!.valueRange, { start: { line: 4, character: 5 }, end: { line: 4, character: 10 } });
  });
});

// Pieces that exercise every rule, joined at random into whole files.
const piece = fc.constantFrom(
  'A',
  'b_1',
  'x.y-z',
  'export ',
  '=',
  ': ',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '#',
  ' # note',
  '"',
  "'",
  '`',
  '\\',
  '\\n',
  '\\r',
  '\\"',
  'value',
  'p@ss=w0rd',
  'é✓',
  '{{resolve:ssm:/a}}',
);
const files = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const lines = fc.array(
  fc.tuple(fc.constantFrom('', 'export '), fc.constantFrom('KEY', 'k.2', 'A-B'), fc.constantFrom('=', ' = ', ': '), fc.array(piece, { maxLength: 8 })),
  {
    maxLength: 8,
  },
);

describe('dotenv syntax: the same values as dotenv.parse', () => {
  it('on arbitrary text built from the syntax’s own characters', () => {
    fc.assert(
      fc.property(files, (text) => {
        assert.deepEqual(values(text), dotenv.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on files of entries', () => {
    fc.assert(
      fc.property(lines, (entries) => {
        const text = entries.map(([exp, key, sep, value]) => `${exp}${key}${sep}${value.join('')}`).join('\n');
        assert.deepEqual(values(text), dotenv.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes any value so that dotenv.parse reads it back exactly, or says it cannot', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
    );
    let refused = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), (written) => {
        const keys = written.map((_, i) => `K${i}`);
        const out = written.map((v, i) => dotenvLine(keys[i]!, v));
        if (out.some((line) => line === undefined)) {
          refused++;
          return;
        }
        const parsed = dotenv.parse(out.join('\n'));
        assert.deepEqual(
          keys.map((k) => parsed[k]),
          written,
        );
      }),
      { numRuns: 2000 },
    );
    assert.ok(refused < 400, `only values no quoting can hold are refused (${refused})`);
  });
});
