/**
 * Targeted behaviour of the snippets module: context detection, import merging, client reuse,
 * refusals with a reason, line endings, language resolution.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, literalReplacement, retrievalSnippet, snippetLanguages, type LookupTarget } from '../../../src/snippets/index';
import { jsAsyncContext, csharpAsyncContext, isEsModule } from '../../../src/snippets/context';
import { documentKind } from '../../../src/snippets/languages';
import { scanSource } from '../../../src/snippets/lexer';
import { escapeSnippetText } from '../../../src/snippets/snippetSyntax';

const SECRET: LookupTarget = { service: 'secretsmanager', name: 'prod/db', region: 'us-east-1', jsonKey: 'password' };
const PARAMETER: LookupTarget = { service: 'ssm', name: '/app/token', region: 'us-east-1', secure: true };

/** Applies the quick fix to the first occurrence of `find`; returns the new text (asserting success). */
function fix(languageId: string, fileName: string, text: string, find: string, target: LookupTarget = SECRET): string {
  const start = text.indexOf(find);
  assert.notEqual(start, -1);
  const result = literalReplacement({ languageId, fileName, documentText: text, replaceStart: start, replaceEnd: start + find.length, target });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return applyEdits(text, result.edits);
}

function refusal(languageId: string, fileName: string, text: string, find: string, target: LookupTarget = SECRET): string {
  const start = text.indexOf(find);
  const result = literalReplacement({ languageId, fileName, documentText: text, replaceStart: start, replaceEnd: start + find.length, target });
  assert.equal(result.ok, false);
  return result.ok ? '' : result.reason;
}

describe('JavaScript async context', () => {
  const cases: [string, string, boolean][] = [
    ['async function', 'async function f() { X }', true],
    ['plain function', 'function f() { X }', false],
    ['async arrow with typed params', 'const f = async (a: number): Promise<void> => { X };', true],
    ['async single-param arrow', 'app.get(async req => { X });', true],
    ['sync callback inside async function', 'async function f() { [1].forEach((n) => { X }); }', false],
    ['if block inside async method', 'class A { async m() { if (a) { X } } }', true],
    ['object literal inside async function', 'async function f() { return { a: X }; }', true],
    ['class field', 'class A { token = X; }', false],
    ['async method after a sync one', 'class A { m() {} async n() { X } }', true],
    ['for loop inside sync function', 'function f() { for (let i = 0; i < 2; i++) { X } }', false],
    ['commented-out async', '/* async */ function f() { X }', false],
    ['string with braces before', 'function f() { const s = "{ async"; X }', false],
  ];
  for (const [name, source, expected] of cases) {
    it(`${name}: ${expected ? 'may' : 'may not'} await`, () => {
      const { code } = scanSource(source, 'js');
      assert.equal(jsAsyncContext(code, source.indexOf('X'), false).canAwait, expected);
    });
  }
  it('module top level: ES modules may await, CommonJS may not', () => {
    assert.equal(jsAsyncContext('const a = X;', 8, true).canAwait, true);
    assert.equal(jsAsyncContext('const a = X;', 8, false).canAwait, false);
  });
  it('module kind: extension first, then syntax', () => {
    assert.equal(isEsModule('a.mjs', 'const x = require("y");', false), true);
    assert.equal(isEsModule('a.cjs', 'import x from "y";', false), false);
    assert.equal(isEsModule('a.js', scanSource('import x from "y";', 'js').code, false), true);
    assert.equal(isEsModule('a.js', 'const x = require("y");', false), false);
    assert.equal(isEsModule('a.ts', '', true), true);
  });
});

describe('C# async context', () => {
  const cases: [string, string, boolean][] = [
    ['async method', 'class A { async Task<string> M() { X } }', true],
    ['sync method', 'class A { string M() { X } }', false],
    ['field initialiser', 'class A { string s = X; }', false],
    ['async lambda', 'class A { void M() { Func<Task> f = async () => { X }; } }', true],
    ['top-level statements', 'var x = X;', true],
    ['using block in async method', 'class A { async Task M() { using (var c = new C()) { X } } }', true],
    ['object initialiser in sync method', 'class A { void M() { var r = new R { Id = X }; } }', false],
  ];
  for (const [name, source, expected] of cases) {
    it(`${name}: ${expected ? 'may' : 'may not'} await`, () => {
      const { code } = scanSource(source, 'csharp');
      assert.equal(csharpAsyncContext(code, source.indexOf('X')).canAwait, expected);
    });
  }
});

describe('quick fix details', () => {
  it('TypeScript: adds missing names to an existing import instead of a second import', () => {
    const before = 'import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";\n\nexport async function f() {\n  return "hunter2";\n}\n';
    const after = fix('typescript', 'a.ts', before, '"hunter2"');
    assert.match(after, /^import \{ SecretsManagerClient, GetSecretValueCommand \} from "@aws-sdk\/client-secrets-manager";$/m);
    assert.equal(after.match(/from "@aws-sdk\/client-secrets-manager"/g)?.length, 1);
  });

  it('TypeScript: reuses a client of the same region, adds a second one for another region', () => {
    let text = 'export async function f() {\n  return ["one", "two"];\n}\n';
    text = fix('typescript', 'a.ts', text, '"one"');
    text = fix('typescript', 'a.ts', text, '"two"', { ...SECRET, region: 'eu-west-1' });
    assert.match(text, /const secretsManager = new SecretsManagerClient\(\{ region: "us-east-1" \}\);/);
    assert.match(text, /const secretsManagerEuWest1 = new SecretsManagerClient\(\{ region: "eu-west-1" \}\);/);
    assert.match(text, /await secretsManagerValue\(secretsManagerEuWest1, "prod\/db", "password"\)/);
    assert.equal(text.match(/function secretsManagerValue/g)?.length, 1);
  });

  it('TypeScript: a literal followed by a member access gets parentheses', () => {
    const text = fix('typescript', 'a.ts', 'export async function f() {\n  return "hunter2".length;\n}\n', '"hunter2"');
    assert.match(text, /return \(await secretsManagerValue\(secretsManager, "prod\/db", "password"\)\)\.length;/);
  });

  it('the range may be the content only: it widens to the quotes', () => {
    const text = fix('python', 'a.py', 'X = "hunter2"\n', 'hunter2');
    assert.match(text, /^X = secrets_manager_value\(secretsmanager, "prod\/db", "password"\)$/m);
  });

  it('Python: a bytes literal stays bytes (the fetched text, encoded back)', () => {
    assert.match(
      fix('python', 'a.py', 'KEY = b"hunter2"\n', 'b"hunter2"'),
      /^KEY = secrets_manager_value\(secretsmanager, "prod\/db", "password"\)\.encode\(\)$/m,
    );
    assert.match(
      fix('python', 'a.py', 'URL = b"postgres://app:hunter2@db"\n', 'hunter2'),
      /^URL = b"postgres:\/\/app:" \+ secrets_manager_value\(.*\)\.encode\(\) \+ b"@db"$/m,
    );
  });

  it('Python: joined literals are replaced whole', () => {
    assert.match(
      fix('python', 'a.py', 'TOKEN = ("ghp_abc"\n         "defgh")\n', '"ghp_abc"\n         "defgh"'),
      /^TOKEN = \(secrets_manager_value\(secretsmanager, "prod\/db", "password"\)\)$/m,
    );
  });

  it('keeps CRLF line endings', () => {
    const text = fix('python', 'a.py', 'import os\r\n\r\nX = "hunter2"\r\n', '"hunter2"');
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
  });

  it('C#: a const local loses const, a const field becomes static readonly', () => {
    const local = fix('csharp', 'A.cs', 'class A\n{\n    string M()\n    {\n        const string p = "hunter2";\n        return p;\n    }\n}\n', '"hunter2"');
    assert.match(local, /^ {8}string p = SecretsManagerLookup\.ValueAsync\("prod\/db", "password", "us-east-1"\)\.GetAwaiter\(\)\.GetResult\(\);$/m);
    const field = fix('csharp', 'A.cs', 'class A\n{\n    public const string P = "hunter2";\n}\n', '"hunter2"');
    assert.match(field, /public static readonly string P = /);
  });

  it('Java: an enum with constants only gets the `;` its methods need', () => {
    const text = fix('java', 'E.java', 'enum E {\n    A, B;\n}\nclass C {\n    String p = "hunter2";\n}\n', '"hunter2"');
    assert.match(text, /class C \{\n {4}String p = secretsManagerJsonField\("prod\/db", "password", "us-east-1"\);\n\n {4}\/\*\*/);
    const enumOnly = fix('java', 'E.java', 'enum E {\n    A("hunter2"), B("x")\n}\n', '"hunter2"');
    assert.match(enumOnly, /B\("x"\);\n\n {4}\/\*\* Secrets and parameters already read/);
  });

  it('Go: a one-line const becomes var', () => {
    const text = fix('go', 'a.go', 'package a\n\nconst p = "hunter2"\n', '"hunter2"');
    assert.match(text, /^var p = secretsManagerValue\("prod\/db", "password", "us-east-1"\)$/m);
  });

  it('JSON quick fix leaves a <stored in …> marker; nothing else', () => {
    const text = fix('json', 'c.json', '{ "password": "hunter2" }\n', '"hunter2"', PARAMETER);
    assert.equal(text, '{ "password": "<stored in AWS Systems Manager Parameter Store: /app/token, region us-east-1>" }\n');
  });

  it('names and keys with quotes, $, #{ and newlines stay inside their literals', () => {
    const target: LookupTarget = { service: 'secretsmanager', name: 'a/b', jsonKey: 'k"$\'#{x}\n' };
    assert.match(fix('ruby', 'a.rb', 'X = "hunter2"\n', '"hunter2"', target), /SecretsManagerLookup\.value\(SECRETS_MANAGER, "a\/b", "k\\"\$'\\#\{x\}\\n"\)/);
    assert.match(
      fix('php', 'a.php', '<?php\nfunction f() { return "hunter2"; }\n', '"hunter2"', target),
      /secrets_manager_value\('a\/b', "k\\"\\\$'#\{x\}\\n"\)/,
    );
  });
});

describe('refusals say why', () => {
  it('PHP property default', () =>
    assert.match(refusal('php', 'a.php', '<?php\nclass A {\n    private $p = "hunter2";\n}\n', '"hunter2"'), /property default/));
  it('Go const block', () => assert.match(refusal('go', 'a.go', 'package a\n\nconst (\n\tp = "hunter2"\n)\n', '"hunter2"'), /const \( … \) block/));
  it('CloudFormation JSON key of a parameter', () =>
    assert.match(
      refusal('yaml', 't.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Properties:\n      P: hunter2\n', 'hunter2', {
        ...PARAMETER,
        jsonKey: 'k',
      }),
      /JSON key/,
    ));
  it('Terraform variable default', () =>
    assert.match(refusal('terraform', 'v.tf', 'variable "p" {\n  default = "hunter2"\n}\n', '"hunter2"'), /variable default/));
  it('Rust', () => assert.match(refusal('rust', 'a.rs', 'const P: &str = "hunter2";\n', '"hunter2"'), /snippet/));
  it('unknown file type', () => assert.match(refusal('plaintext', 'notes.txt', 'hunter2', 'hunter2'), /No lookup/));
});

describe('retrieval snippet details', () => {
  it('a synchronous function gets the promise form', () => {
    const text = 'function main() {\n  \n}\n';
    const result = retrievalSnippet({ languageId: 'javascript', fileName: 'a.cjs', documentText: text, offset: text.indexOf('\n  ') + 3, target: SECRET });
    assert.ok(result);
    assert.match(result.code, /\.then\(\(response\) => \{\n\tconst password = /);
  });

  it('imports go into the document only when missing', () => {
    const text = 'import boto3\n\n\n';
    const result = retrievalSnippet({
      languageId: 'python',
      fileName: 'a.py',
      documentText: text,
      offset: text.length,
      target: { ...SECRET, jsonKey: undefined },
    });
    assert.deepEqual(result?.importEdits, []);
    const withKey = retrievalSnippet({ languageId: 'python', fileName: 'a.py', documentText: text, offset: text.length, target: SECRET });
    assert.deepEqual(withKey?.importEdits, [{ start: 12, end: 12, newText: '\nimport json' }]);
  });

  it('an unsupported language returns undefined; a chosen language carries its imports', () => {
    assert.equal(retrievalSnippet({ languageId: 'markdown', target: SECRET }), undefined);
    const chosen = retrievalSnippet({ languageId: 'markdown', documentText: '# notes\n', offset: 8, target: SECRET, language: 'python' });
    assert.ok(chosen?.code.startsWith('import boto3\nimport json\n\n'));
    assert.deepEqual(chosen?.importEdits, []);
  });

  it('snippetLanguages() lists each language once', () => {
    const ids = snippetLanguages().map((l) => l.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('python') && ids.includes('powershell'));
  });

  it('escapes exactly $, } and \\ for snippet syntax', () => {
    assert.equal(escapeSnippetText('a$b}c\\d{e'), 'a\\$b\\}c\\\\d{e');
  });
});

describe('document kinds', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['yaml', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'cloudformation'],
    ['yaml', 'sam.yaml', 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n', 'cloudformation'],
    ['json', 't.json', '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}', 'cloudformation'],
    ['yaml', 'docker-compose.yml', 'services:\n  web:\n    image: x\n', 'yaml'],
    ['plaintext', '/repo/.env.local', 'A=1', 'dotenv'],
    ['plaintext', '/repo/Dockerfile.prod', 'FROM x', 'dockerfile'],
    ['terraform', 'prod.tfvars', 'a = 1', 'tfvars'],
    ['plaintext', 'main.tf', '', 'terraform'],
    ['javascript', 'a.js', 'import x from "y";', 'javascript-esm'],
    ['javascript', 'a.js', 'const x = require("y");', 'javascript-cjs'],
    ['typescriptreact', 'a.tsx', '', 'typescript'],
    ['shellscript', 'run', '', 'shell'],
    ['markdown', 'README.md', '', undefined],
  ];
  for (const [languageId, fileName, text, expected] of cases) {
    it(`${languageId} ${fileName} → ${expected}`, () => assert.equal(documentKind(languageId, fileName, text), expected));
  }
});
