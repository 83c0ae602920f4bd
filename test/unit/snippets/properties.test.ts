/**
 * Property tests: for arbitrary valid secret names (1–512 of A-Za-z0-9/_+=.@-) and arbitrary JSON keys
 * (any Unicode string, lone surrogates included), the TypeScript / JavaScript outputs parse, the
 * Python outputs py_compile (one python run per batch), and every snippet's text reads back as its code
 * through an independent snippet-syntax reader.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, literalReplacement, retrievalSnippet, snippetLanguages, type LookupTarget } from '../../../src/snippets/index';
import { parseSnippet } from '../../fixtures/snippets/harness/snippetParser';
import { checkSources, parseErrors, type SourceFile } from '../../fixtures/snippets/harness/syntaxCheck';

const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+=.@-';
const names = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 512 });
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const jsonKeys = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 20 }), // lone surrogates, controls, U+2028…
  fc.string({ unit: fc.constantFrom('$', '{', '}', '#', '\\', '"', "'", '`', '\n', '%', '@', '\u2028', '\u202e', 'a'), maxLength: 12 }),
  fc.constantFrom('${HOME}', '#{x}', '$(rm -rf /)', "'; DROP", '\\u0041', '*/', '-->', '}}'),
);
const targets: fc.Arbitrary<LookupTarget> = fc.record(
  {
    service: fc.constantFrom('secretsmanager' as const, 'ssm' as const),
    name: names,
    region: fc.constantFrom('us-east-1', 'eu-west-1', undefined),
    jsonKey: fc.option(jsonKeys, { nil: undefined }),
    secure: fc.boolean(),
  },
  { requiredKeys: ['service', 'name'] },
);

const RUNS = Number(process.env.SNIPPET_PROPERTY_RUNS ?? 150);

describe('properties: any name and key', () => {
  it('every snippet language: the snippet text reads back as the code', () => {
    fc.assert(
      fc.property(targets, (target) => {
        for (const { id } of snippetLanguages()) {
          const result = retrievalSnippet({ languageId: 'plaintext', language: id, target });
          assert.ok(result);
          assert.equal(parseSnippet(result.snippet).text, result.code, `${id}: ${result.snippet}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('TypeScript and JavaScript snippets and quick fixes parse without errors', () => {
    fc.assert(
      fc.property(targets, (target) => {
        for (const [language, file] of [
          ['typescript', 'a.ts'],
          ['javascript-esm', 'a.mjs'],
          ['javascript-cjs', 'a.cjs'],
        ] as const) {
          const code = retrievalSnippet({ languageId: 'plaintext', language, target })?.code ?? '';
          const wrapped = `async function main() {\n${code}\n}\n`.replace(/^(import .*|const \{.*require\(.*)$/gm, '');
          assert.deepEqual(parseErrors(wrapped, file), [], wrapped);
        }
        for (const [languageId, fileName, before] of [
          ['typescript', 'a.ts', 'export async function f() {\n  return { token: "tok_live_x" };\n}\nexport const k = "tok_live_x";\n'],
          ['javascript', 'a.cjs', 'const k = "tok_live_x";\nasync function f() { return `x${"tok_live_x"}`; }\n'],
        ] as const) {
          let text: string = before;
          for (let i = 0; i < 2; i++) {
            const start = text.indexOf('tok_live_x');
            const fix = literalReplacement({ languageId, fileName, documentText: text, replaceStart: start, replaceEnd: start + 10, target });
            assert.ok(fix.ok, fix.ok ? '' : fix.reason);
            text = applyEdits(text, fix.edits);
          }
          assert.deepEqual(parseErrors(text, fileName), [], text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Python snippets and quick fixes compile (one py_compile run)', (t) => {
    const samples = fc.sample(targets, { numRuns: RUNS, seed: 42 });
    const files: SourceFile[] = samples.flatMap((target, i) => {
      const snippet = retrievalSnippet({ languageId: 'plaintext', language: 'python', target })?.code ?? '';
      let fixed = 'import os\n\nTOKEN = "tok_live_x"\n\n\ndef url():\n    return "postgres://u:tok_live_x@h/db"\n';
      for (let n = 0; n < 2; n++) {
        const start = fixed.indexOf('tok_live_x');
        const fix = literalReplacement({ languageId: 'python', fileName: 'app.py', documentText: fixed, replaceStart: start, replaceEnd: start + 10, target });
        assert.ok(fix.ok);
        fixed = applyEdits(fixed, fix.edits);
      }
      return [
        { name: `snippet_${i}.py`, text: snippet },
        { name: `fix_${i}.py`, text: fixed },
      ];
    });
    const result = checkSources('python', files);
    if ('skipped' in result) return t.skip(result.skipped);
    assert.deepEqual(result.errors, []);
  });
});
