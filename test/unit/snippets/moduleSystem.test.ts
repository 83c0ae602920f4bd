/**
 * Generated TypeScript compiles where it lands: the project's tsconfig.json (JSONC, `extends`
 * followed) and package.json decide whether the top level may `await` (TypeScript error TS1378
 * lists the `module` settings that allow it, with target ES2017 or later; Node decides a file's
 * format by its extension and the nearest package.json "type"), and the real TypeScript compiler
 * checks the quick fix's output under a CommonJS and an ES module configuration.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { applyEdits, literalReplacement, type LookupTarget } from '../../../src/snippets/index';
import { moduleSystemFor, type ModuleSystem } from '../../../src/snippets/moduleSystem';
import { typeCheck } from '../../fixtures/snippets/harness/syntaxCheck';

const root = mkdtempSync(path.join(tmpdir(), 'module-system-'));
after(() => rmSync(root, { recursive: true, force: true }));

let project = 0;
/** A folder with these files (paths relative to it); returns its path. */
function projectWith(files: Record<string, string>): string {
  const dir = path.join(root, `p${project++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const read = async (p: string) => {
  try {
    return await readFile(p, 'utf8');
  } catch {
    return undefined;
  }
};

async function systemOf(files: Record<string, string>, file = 'src/config.ts'): Promise<ModuleSystem | undefined> {
  const dir = projectWith({ ...files, [file]: 'export const x = 1;\n' });
  return moduleSystemFor(path.join(dir, file), read);
}

describe('the module system of a TypeScript or JavaScript file', () => {
  it('no tsconfig: tsc defaults (ES5 target, CommonJS) allow no top-level await', async () => {
    assert.deepEqual(await systemOf({}), { esm: true, topLevelAwait: false });
  });

  it('"module": "commonjs" — with comments and trailing commas, as tsconfig allows', async () => {
    const tsconfig = '{\n  // CommonJS for Node\n  "compilerOptions": {\n    "module": "commonjs", /* still */\n    "target": "es2022",\n  },\n}\n';
    assert.deepEqual(await systemOf({ 'tsconfig.json': tsconfig }), { esm: true, topLevelAwait: false });
  });

  it('"module": "esnext" / "es2022" / "preserve" with a modern target allow it; an old target does not', async () => {
    for (const module of ['esnext', 'es2022', 'ESNext', 'preserve']) {
      assert.equal((await systemOf({ 'tsconfig.json': `{"compilerOptions":{"module":"${module}","target":"es2022"}}` }))?.topLevelAwait, true, module);
    }
    assert.equal((await systemOf({ 'tsconfig.json': '{"compilerOptions":{"module":"es2020","target":"es2022"}}' }))?.topLevelAwait, false);
    assert.equal((await systemOf({ 'tsconfig.json': '{"compilerOptions":{"module":"esnext","target":"es5"}}' }))?.topLevelAwait, false);
    assert.equal((await systemOf({ 'tsconfig.json': '{"compilerOptions":{"moduleResolution":"bundler","target":"es2022"}}' }))?.topLevelAwait, true);
  });

  it('follows extends: a relative file (with or without .json), a package in node_modules, and arrays (later wins)', async () => {
    const base = '{"compilerOptions":{"module":"esnext","target":"es2022"}}';
    assert.equal((await systemOf({ 'tsconfig.base.json': base, 'tsconfig.json': '{"extends":"./tsconfig.base.json"}' }))?.topLevelAwait, true);
    assert.equal((await systemOf({ 'configs/base.json': base, 'tsconfig.json': '{"extends":"./configs/base"}' }))?.topLevelAwait, true);
    assert.equal(
      (await systemOf({ 'tsconfig.base.json': base, 'tsconfig.json': '{"extends":"./tsconfig.base.json","compilerOptions":{"module":"commonjs"}}' }))
        ?.topLevelAwait,
      false,
    );
    // @tsconfig/node20 as published (module node16, target es2022), referenced both ways.
    const node20 = { 'node_modules/@tsconfig/node20/tsconfig.json': '{"compilerOptions":{"lib":["es2023"],"module":"node16","target":"es2022"}}' };
    const viaPackage = { ...node20, 'node_modules/@tsconfig/node20/package.json': '{"name":"@tsconfig/node20"}' };
    assert.equal(
      (await systemOf({ ...viaPackage, 'tsconfig.json': '{"extends":"@tsconfig/node20/tsconfig.json"}' }))?.topLevelAwait,
      false,
      'node16 and no "type": CommonJS output',
    );
    assert.equal(
      (await systemOf({ ...viaPackage, 'package.json': '{"type":"module"}', 'tsconfig.json': '{"extends":"@tsconfig/node20"}' }))?.topLevelAwait,
      true,
    );
    assert.equal(
      (
        await systemOf({
          'a.json': '{"compilerOptions":{"module":"commonjs","target":"es2022"}}',
          'b.json': base,
          'tsconfig.json': '{"extends":["./a.json","./b.json"]}',
        })
      )?.topLevelAwait,
      true,
    );
    assert.equal((await systemOf({ 'tsconfig.json': '{"extends":"./tsconfig.json"}' }))?.topLevelAwait, false, 'a cycle ends');
  });

  it('node16 / nodenext: each file as Node runs it — .mts and "type": "module" are ES modules, .cts never', async () => {
    const tsconfig = { 'tsconfig.json': '{"compilerOptions":{"module":"nodenext"}}' };
    assert.equal((await systemOf(tsconfig))?.topLevelAwait, false);
    assert.equal((await systemOf({ ...tsconfig, 'package.json': '{"type":"module"}' }))?.topLevelAwait, true);
    assert.equal((await systemOf(tsconfig, 'src/config.mts'))?.topLevelAwait, true);
    assert.equal((await systemOf({ ...tsconfig, 'package.json': '{"type":"module"}' }, 'src/config.cts'))?.topLevelAwait, false);
    // The nearest package.json decides, even without a "type".
    assert.equal((await systemOf({ ...tsconfig, 'package.json': '{"type":"module"}', 'src/package.json': '{}' }))?.topLevelAwait, false);
  });

  it('JavaScript: the extension, else the nearest package.json "type", else the file itself decides', async () => {
    assert.deepEqual(await systemOf({}, 'src/app.mjs'), { esm: true, topLevelAwait: true });
    assert.deepEqual(await systemOf({}, 'src/app.cjs'), { esm: false, topLevelAwait: false });
    assert.deepEqual(await systemOf({ 'package.json': '{"type":"module"}' }, 'src/app.js'), { esm: true, topLevelAwait: true });
    assert.deepEqual(await systemOf({ 'package.json': '{"type":"commonjs"}' }, 'src/app.js'), { esm: false, topLevelAwait: false });
    assert.equal(await systemOf({ 'package.json': '{"name":"x"}' }, 'src/app.js'), undefined);
    assert.equal(await systemOf({}, 'src/app.py'), undefined);
  });
});

describe('the quick fix compiles under the project\u2019s module setting', () => {
  const PASSWORD: LookupTarget = { service: 'secretsmanager', name: 'prod/db', region: 'us-east-1', jsonKey: 'password' };
  const SOURCE = [
    'export const dbPassword: string = "hunter2-db-password";',
    '',
    'export async function apiToken(): Promise<string> {',
    '  const token: string = "tok_live_4f9a8b7c6d5e";',
    '  return token;',
    '}',
    '',
  ].join('\n');

  function fixed(moduleSystem: ModuleSystem | undefined): string {
    let text = SOURCE;
    for (const find of ['"hunter2-db-password"', '"tok_live_4f9a8b7c6d5e"']) {
      const start = text.indexOf(find);
      const fix = literalReplacement({
        languageId: 'typescript',
        fileName: '/project/src/config.ts',
        documentText: text,
        replaceStart: start,
        replaceEnd: start + find.length,
        target: PASSWORD,
        ...(moduleSystem ? { moduleSystem } : {}),
      });
      assert.ok(fix.ok, fix.ok ? '' : fix.reason);
      text = applyEdits(text, fix.edits);
    }
    return text;
  }

  const COMMONJS: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, target: ts.ScriptTarget.ES2022 };
  const ESNEXT: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 };

  it('"module": "commonjs": no top-level await, a cached Promise<string>, and tsc accepts it', async () => {
    const dir = projectWith({ 'tsconfig.json': '{"compilerOptions":{"module":"commonjs","target":"es2022","strict":true}}' });
    const system = await moduleSystemFor(path.join(dir, 'src', 'config.ts'), read);
    const text = fixed(system);
    assert.match(text, /^export const dbPassword: Promise<string> = secretsManagerValue\(secretsManager, "prod\/db", "password"\) \/\* Promise<string>/m);
    assert.match(text, /const token: string = await secretsManagerValue\(/, 'inside an async function it still awaits');
    assert.deepEqual(typeCheck([{ name: 'config.ts', text }], COMMONJS), []);
  });

  it('"module": "esnext": top-level await, and tsc accepts it; the same code fails under CommonJS (TS1378) — the bug this fixes', async () => {
    const dir = projectWith({ 'tsconfig.json': '{"compilerOptions":{"module":"esnext","target":"es2022"}}' });
    const text = fixed(await moduleSystemFor(path.join(dir, 'src', 'config.ts'), read));
    assert.match(text, /^export const dbPassword: string = await secretsManagerValue\(/m);
    assert.deepEqual(typeCheck([{ name: 'config.ts', text }], ESNEXT), []);
    assert.ok(
      typeCheck([{ name: 'config.ts', text }], COMMONJS).some((e) => /Top-level 'await' expressions are only allowed/.test(e)),
      'TS1378 under CommonJS',
    );
  });

  it('without project settings (an unsaved file) a .ts file with `export` still counts as an ES module', () => {
    assert.match(fixed(undefined), /^export const dbPassword: string = await /m);
  });
});
