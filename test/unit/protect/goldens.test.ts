// The quick fixes' golden results (test/fixtures/protect/after, compared in the in-host tests)
// are valid code: each language's own checker accepts them, TypeScript and JavaScript against
// the real AWS SDK types.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSources, type CheckedLanguage } from '../../fixtures/snippets/harness/syntaxCheck';

const AFTER = join(__dirname, '..', '..', 'fixtures', 'protect', 'after');

const CHECKED: [string, CheckedLanguage][] = [
  ['config.ts', 'typescript'],
  // No tsconfig.json around it: TypeScript's defaults compile it to CommonJS, so no top-level await.
  ['server.ts', 'typescript'],
  ['db.js', 'javascript-cjs'],
  ['settings.py', 'python'],
  ['main.go', 'go'],
  ['App.java', 'java'],
  ['config.rb', 'ruby'],
  ['config.php', 'php'],
  ['main.tf', 'terraform'],
  ['app.yaml', 'yaml'],
  ['template.yaml', 'yaml'],
  ['appsettings.json', 'json'],
];

describe('quick-fix golden files are valid code', () => {
  for (const [file, language] of CHECKED) {
    it(`${file} passes the ${language} checker`, (t) => {
      // db.js requires the fixture's own dependency, pg: declare just what it uses.
      const pg = { name: 'pg.d.ts', text: "declare module 'pg' { export class Client { constructor(options: object); connect(): Promise<void>; } }" };
      const result = checkSources(language, [{ name: file, text: readFileSync(join(AFTER, file), 'utf8') }, ...(file === 'db.js' ? [pg] : [])]);
      if ('skipped' in result) {
        // Only tools missing from this machine skip (CI installs them: see .ci/run).
        t.skip(result.skipped);
        return;
      }
      assert.deepEqual(result.errors, [], `${result.checker} on ${file}`);
    });
  }
});
