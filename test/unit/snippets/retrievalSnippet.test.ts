/**
 * "Insert retrieval snippet": golden outputs per language for a plain secret, a JSON key and a
 * SecureString parameter (reviewed by hand against each SDK's API), the snippet syntax round trip, and
 * each language's real syntax checker over the code as inserted into a small document.
 * UPDATE_SNIPPET_GOLDEN=1 rewrites the golden files (review the diff before committing).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { retrievalSnippet, snippetLanguages } from '../../../src/snippets/index';
import { HOSTS, TARGETS, documentWithSnippet } from '../../fixtures/snippets/harness/cases';
import { parseSnippet } from '../../fixtures/snippets/harness/snippetParser';
import { checkSources, type CheckedLanguage, type SourceFile } from '../../fixtures/snippets/harness/syntaxCheck';

const GOLDEN_DIR = path.resolve(import.meta.dirname, '../../fixtures/snippets/snippet');
const update = process.env.UPDATE_SNIPPET_GOLDEN === '1';

function goldenText(languageId: string): string {
  return Object.entries(TARGETS)
    .map(([caseName, target]) => {
      const result = retrievalSnippet({ languageId: 'plaintext', language: languageId as never, target });
      assert.ok(result);
      return `### ${caseName}: ${JSON.stringify(target)}\n--- snippet\n${result.snippet}\n--- code\n${result.code}\n`;
    })
    .join('\n');
}

describe('retrieval snippets: golden outputs', () => {
  for (const { id } of snippetLanguages()) {
    it(`${id} matches its golden file`, () => {
      const file = path.join(GOLDEN_DIR, `${id}.txt`);
      const actual = goldenText(id);
      if (update || !existsSync(file)) writeFileSync(file, actual);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
});

describe('retrieval snippets: snippet syntax', () => {
  for (const { id } of snippetLanguages()) {
    for (const [caseName, target] of Object.entries(TARGETS)) {
      it(`${id} / ${caseName}: snippet text reads back as the code`, () => {
        const result = retrievalSnippet({ languageId: 'plaintext', language: id, target });
        assert.ok(result);
        assert.equal(parseSnippet(result.snippet).text, result.code);
      });
    }
  }
});

describe('retrieval snippets: the inserted code passes each language\u2019s checker', () => {
  const byChecker = new Map<CheckedLanguage, SourceFile[]>();
  for (const { id } of snippetLanguages()) {
    HOSTS[id].forEach((host, h) => {
      if (!host.checkAs) return;
      for (const [caseName, target] of Object.entries(TARGETS)) {
        const text = documentWithSnippet(id, host, target);
        const name = host.fileName.replace(/^([^.]*)/, `$1_${caseName.replace(/-/g, '_')}_${h}`);
        const files = byChecker.get(host.checkAs) ?? [];
        files.push({
          name: host.checkAs === 'java' ? `Main${files.length}.java` : name,
          text: host.checkAs === 'java' ? text.replace('class Main', `class Main${files.length}`) : text,
        });
        byChecker.set(host.checkAs, files);
      }
    });
  }
  // TypeScript and both JavaScript flavours share one program: one type-check pass over all of them.
  const js = ['typescript', 'javascript-esm', 'javascript-cjs'] as const;
  const merged: [CheckedLanguage, SourceFile[]][] = [
    ['typescript', js.flatMap((l) => byChecker.get(l) ?? [])],
    ...[...byChecker].filter(([l]) => !(js as readonly string[]).includes(l)),
  ];
  for (const [language, files] of merged) {
    it(`${language}: ${files.length} documents`, (t) => {
      const result = checkSources(language, files);
      if ('skipped' in result) return t.skip(result.skipped);
      t.diagnostic(`checked with ${result.checker}`);
      assert.deepEqual(result.errors, [], `${result.errors.join('\n')}\n--- first document:\n${files[0]?.text}`);
    });
  }
});
