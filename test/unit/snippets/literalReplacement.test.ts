/**
 * Quick fix "Move to Secrets Manager / Parameter Store": for a small file per language, each fix in
 * turn (the second and later ones reuse the imports, clients and helpers the first one added); the
 * final file must equal its reviewed golden `after/` file and pass the language's syntax checker
 * (TypeScript / JavaScript: a full type-check against the real @aws-sdk types).
 * UPDATE_SNIPPET_GOLDEN=1 rewrites the golden files (review the diff before committing).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, literalReplacement, type LookupTarget } from '../../../src/snippets/index';
import { checkSources, type CheckedLanguage, type SourceFile } from '../../fixtures/snippets/harness/syntaxCheck';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/snippets/quickfix');
const update = process.env.UPDATE_SNIPPET_GOLDEN === '1';

const DB_PASSWORD: LookupTarget = { service: 'secretsmanager', name: 'prod/db', region: 'us-east-1', jsonKey: 'password' };
const REPORTING: LookupTarget = { service: 'secretsmanager', name: 'prod/reporting-password', region: 'us-east-1' };
const API_TOKEN: LookupTarget = { service: 'ssm', name: '/app/prod/api-token', region: 'us-east-1', secure: true };

interface Fix {
  /** Text of the range to replace (first occurrence in the current text). */
  find: string;
  target: LookupTarget;
}

interface Case {
  dir: string;
  file: string;
  languageId: string;
  fixes: Fix[];
  /** Checker for the result; the type-check name for TS/JS may differ from the fixture's (.ts → .mts). */
  check?: { as: CheckedLanguage; name?: string };
}

const CASES: Case[] = [
  {
    dir: 'typescript',
    file: 'app.ts',
    languageId: 'typescript',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: '"tok_live_4f9a8b7c6d5e"', target: API_TOKEN },
    ],
    check: { as: 'typescript', name: 'app.mts' },
  },
  {
    dir: 'javascript-esm',
    file: 'app.mjs',
    languageId: 'javascript',
    fixes: [
      { find: '"sk_live_51HxY2eExampleKey"', target: { service: 'secretsmanager', name: 'prod/stripe', region: 'us-east-1', jsonKey: 'secret_key' } },
      { find: 'whsec_1a2b3c4d5e6f', target: { service: 'ssm', name: '/app/prod/webhook-secret', region: 'eu-west-1', secure: true } },
    ],
    check: { as: 'javascript-esm' },
  },
  {
    dir: 'javascript-cjs',
    file: 'app.cjs',
    languageId: 'javascript',
    fixes: [
      { find: '"tok_live_4f9a8b7c6d5e"', target: { service: 'secretsmanager', name: 'prod/api', region: 'us-east-1', jsonKey: 'token' } },
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
    ],
    check: { as: 'javascript-cjs' },
  },
  {
    dir: 'python',
    file: 'app.py',
    languageId: 'python',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: "'tok_live_4f9a8b7c6d5e'", target: { ...API_TOKEN, region: 'eu-west-1' } },
    ],
    check: { as: 'python' },
  },
  {
    dir: 'go',
    file: 'app.go',
    languageId: 'go',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: '"tok_live_4f9a8b7c6d5e"', target: API_TOKEN },
    ],
    check: { as: 'go' },
  },
  {
    dir: 'java',
    file: 'Settings.java',
    languageId: 'java',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: 'tok_live_4f9a8b7c6d5e', target: API_TOKEN },
    ],
    check: { as: 'java' },
  },
  {
    dir: 'csharp',
    file: 'Settings.cs',
    languageId: 'csharp',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: '"tok_live_4f9a8b7c6d5e"', target: API_TOKEN },
    ],
  },
  {
    dir: 'ruby',
    file: 'settings.rb',
    languageId: 'ruby',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: "'tok_live_4f9a8b7c6d5e'", target: API_TOKEN },
    ],
    check: { as: 'ruby' },
  },
  {
    dir: 'php',
    file: 'Settings.php',
    languageId: 'php',
    fixes: [
      { find: "'hunter2-db-password'", target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: "'tok_live_4f9a8b7c6d5e'", target: API_TOKEN },
    ],
    check: { as: 'php' },
  },
  {
    dir: 'shell',
    file: 'deploy.sh',
    languageId: 'shellscript',
    fixes: [
      { find: "'hunter2-db-password'", target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: 'tok_live_4f9a8b7c6d5e', target: API_TOKEN },
    ],
    check: { as: 'shell' },
  },
  {
    dir: 'powershell',
    file: 'deploy.ps1',
    languageId: 'powershell',
    fixes: [
      { find: "'hunter2-db-password'", target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: 'tok_live_4f9a8b7c6d5e', target: API_TOKEN },
    ],
  },
  {
    dir: 'cloudformation-yaml',
    file: 'template.yaml',
    languageId: 'yaml',
    fixes: [
      { find: 'hunter2-db-password', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: "'tok_live_4f9a8b7c6d5e'", target: API_TOKEN },
    ],
    check: { as: 'yaml' },
  },
  {
    dir: 'cloudformation-json',
    file: 'template.json',
    languageId: 'json',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 'tok_live_4f9a8b7c6d5e', target: { ...API_TOKEN, secure: false } },
    ],
    check: { as: 'json' },
  },
  {
    dir: 'terraform',
    file: 'main.tf',
    languageId: 'terraform',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 's3cr3t-report', target: REPORTING },
      { find: '"tok_live_4f9a8b7c6d5e"', target: API_TOKEN },
      { find: '"app_admin"', target: { ...DB_PASSWORD, jsonKey: 'username' } },
    ],
    check: { as: 'terraform' },
  },
  {
    dir: 'dotenv',
    file: '.env',
    languageId: 'dotenv',
    fixes: [
      { find: 'hunter2-db-password', target: DB_PASSWORD },
      { find: '"tok_live_4f9a8b7c6d5e"', target: API_TOKEN },
    ],
  },
  {
    dir: 'yaml',
    file: 'config.yaml',
    languageId: 'yaml',
    fixes: [
      { find: 'hunter2-db-password', target: DB_PASSWORD },
      { find: '"tok_live_4f9a8b7c6d5e"', target: API_TOKEN },
    ],
    check: { as: 'yaml' },
  },
  {
    dir: 'json',
    file: 'config.json',
    languageId: 'json',
    fixes: [
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
      { find: 'tok_live_4f9a8b7c6d5e', target: API_TOKEN },
    ],
    check: { as: 'json' },
  },
  {
    dir: 'properties',
    file: 'application.properties',
    languageId: 'properties',
    fixes: [
      { find: 'hunter2-db-password', target: DB_PASSWORD },
      { find: 'tok_live_4f9a8b7c6d5e', target: API_TOKEN },
    ],
  },
  {
    dir: 'dockerfile',
    file: 'Dockerfile',
    languageId: 'dockerfile',
    fixes: [
      { find: 'tok_live_4f9a8b7c6d5e', target: API_TOKEN },
      { find: '"hunter2-db-password"', target: DB_PASSWORD },
    ],
  },
];

function runFixes(c: Case): { text: string; notes: string[] } {
  let text = readFileSync(path.join(FIXTURES, c.dir, 'before', c.file), 'utf8');
  const notes: string[] = [];
  for (const fix of c.fixes) {
    const start = text.indexOf(fix.find);
    assert.notEqual(start, -1, `${fix.find} not found`);
    const result = literalReplacement({
      languageId: c.languageId,
      fileName: c.file,
      documentText: text,
      replaceStart: start,
      replaceEnd: start + fix.find.length,
      target: fix.target,
    });
    assert.ok(result.ok, result.ok ? '' : result.reason);
    text = applyEdits(text, result.edits);
    notes.push(...result.notes);
  }
  return { text, notes };
}

describe('quick fix: golden files', () => {
  for (const c of CASES) {
    it(`${c.dir}: ${c.fixes.length} fixes in ${c.file}`, () => {
      const { text } = runFixes(c);
      const file = path.join(FIXTURES, c.dir, 'after', c.file);
      if (update || !existsSync(file)) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
      assert.equal(text, readFileSync(file, 'utf8'));
    });
  }
});

describe('quick fix: results pass each language\u2019s checker', () => {
  const groups = new Map<CheckedLanguage, SourceFile[]>();
  for (const c of CASES) {
    if (!c.check) continue;
    const as: CheckedLanguage = c.check.as.startsWith('javascript') ? 'typescript' : c.check.as;
    const files = groups.get(as) ?? [];
    files.push({ name: c.check.name ?? c.file, text: runFixes(c).text });
    groups.set(as, files);
  }
  for (const [language, files] of groups) {
    it(`${language}: ${files.map((f) => f.name).join(', ')}`, (t) => {
      const result = checkSources(language, files);
      if ('skipped' in result) return t.skip(result.skipped);
      t.diagnostic(`checked with ${result.checker}`);
      assert.deepEqual(result.errors, []);
    });
  }
});
