// What a quick fix stores and writes, in the real editor against the emulator: the value the
// program computes (escapes decoded, continued literals whole), a refusal before anything is
// asked or sent when that value is not knowable, the size (never the value) in the questions,
// and TypeScript that follows the project's module setting.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { secretText } from './awsCheck';
import { emulatorStats, waitFor } from './helpers';
import { asUser, WHERE } from './scriptedUser';

const run = Date.now().toString(36);

/** Writes the files into a fresh folder of the workspace and opens the first one. */
async function openProject(label: string, files: Record<string, string>): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'a workspace folder is open');
  const dir = join(folder, `lens-${run}-${label}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return vscode.window.showTextDocument(vscode.Uri.file(join(dir, Object.keys(files)[0])));
}

async function fixArgs(uri: vscode.Uri): Promise<unknown[]> {
  const lens = await waitFor(async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    return lenses.find((l) => l.command?.title === 'Move to Secrets Manager');
  }, 'the Move to Secrets Manager lens');
  return lens.command?.arguments ?? [];
}

const creates = async () => (await emulatorStats())['secretsmanager.CreateSecret'] ?? 0;

describe('the value a quick fix stores, and the code it writes', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('stores what the program reads, escapes decoded, and says how many characters (not which)', async () => {
    const editor = await openProject('escaped', {
      'escaped.ts': 'export async function connect() {\n  const password = "Zq8\\"vLp2\\\\mW9xRt4K";\n  return password;\n}\n',
    });
    const name = `lens/escaped-${run}`;
    const user = await asUser(
      [
        ...WHERE,
        { input: name, title: /^Move to Secrets Manager \(us-east-1\): 17 characters, as the program reads them / },
        { pick: 'alias/aws/secretsmanager' },
      ],
      async () => vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(editor.document.uri))),
    );
    assert.equal(await secretText(name), 'Zq8"vLp2\\mW9xRt4K');
    assert.ok(!user.shown.some((s) => s.text.includes('vLp2')), 'no part of the value in any question or message');
    assert.match(editor.document.getText(), /const password = await secretsManagerValue\(secretsManager, "lens\/escaped-[a-z0-9]+"\);/);
  });

  it('stores a continued Python literal whole and leaves no piece of it behind', async () => {
    const editor = await openProject('continued', { 'continued.py': 'DB_PASSWORD = "Xk9mP2vQr7" \\\n    "sLw4TzQp3n"\n' });
    const name = `lens/continued-${run}`;
    await asUser([...WHERE, { input: name }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(editor.document.uri))),
    );
    assert.equal(await secretText(name), 'Xk9mP2vQr7sLw4TzQp3n');
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^DB_PASSWORD = secrets_manager_value\\(secretsmanager, "${name.replace(/\//g, '\\/')}"\\)$`, 'm'));
    assert.ok(!text.includes('sLw4TzQp3n') && !text.includes('\\\n'), text);
  });

  it('refuses before asking or sending anything when the literal has no value the program could run with', async () => {
    const source = 'API_PASSWORD = "Xk9mP2vQ\\x4r7sLw4Tz"\n';
    const editor = await openProject('invalid', { 'invalid.py': source });
    const before = await creates();
    const user = await asUser([], async () => vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(editor.document.uri))));
    assert.match(user.messages('error').join('\n'), /^Nothing was stored\. The literal has an escape sequence that is not valid in Python/);
    assert.ok(!user.messages('error').join('\n').includes('Xk9m'));
    assert.deepEqual(
      user.shown.filter((s) => s.level === 'question'),
      [],
    );
    assert.equal(await creates(), before);
    assert.equal(editor.document.getText(), source);
  });

  const SERVER_TS = 'export const dbPassword: string = "Xk9mP2vQr7sLw4TzQp3n";\n';

  it('"module": "commonjs" in tsconfig.json: no top-level await, the helper\u2019s Promise instead', async () => {
    const editor = await openProject('cjs', {
      'server.ts': SERVER_TS,
      'tsconfig.json': '{\n  // CommonJS, as most Node projects\n  "compilerOptions": { "module": "commonjs", "target": "es2022", },\n}\n',
    });
    const user = await asUser([...WHERE, { input: `lens/cjs-${run}` }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(editor.document.uri))),
    );
    assert.match(
      editor.document.getText(),
      /^export const dbPassword: Promise<string> = secretsManagerValue\(secretsManager, "lens\/cjs-[a-z0-9]+"\) \/\* Promise<string>/m,
    );
    assert.match(user.messages('info').join('\n'), /compiles to CommonJS/);
  });

  it('"module": "esnext" through "extends": top-level await', async () => {
    const editor = await openProject('esm', {
      'server.ts': SERVER_TS,
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }\n',
      'tsconfig.base.json': '{ "compilerOptions": { "module": "esnext", "target": "es2022" } }\n',
    });
    await asUser([...WHERE, { input: `lens/esm-${run}` }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(editor.document.uri))),
    );
    assert.match(editor.document.getText(), /^export const dbPassword: string = await secretsManagerValue\(secretsManager, "lens\/esm-[a-z0-9]+"\);$/m);
  });
});
