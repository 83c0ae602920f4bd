// The right finding is fixed: a CodeLens, hover link or code action made for one version of a
// document still acts on the same hard-coded value after the document changed (a fix was applied
// above it, lines were added), and refuses when that value itself changed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { secretText } from './awsCheck';
import { waitFor } from './helpers';
import { asUser, WHERE } from './scriptedUser';

const run = Date.now().toString(36);

/** A key pair (one group), a password inside a DB URL and a GitHub token: three lenses (lines 3, 5 and 6). */
const CREDS_PY = readFileSync(join(process.env.AWS_SECRETS_LENS_REPO_ROOT ?? '', 'test', 'fixtures', 'protect', 'findings', 'creds.py'), 'utf8');

async function openCreds(label: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'a workspace folder is open');
  const dir = join(folder, `lens-${run}-${label}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'creds.py');
  writeFileSync(path, CREDS_PY);
  return vscode.window.showTextDocument(vscode.Uri.file(path));
}

/** The arguments of the "Move to Secrets Manager" lens on each line that has one, as VS Code got them. */
async function fixLenses(uri: vscode.Uri, count: number): Promise<Map<number, unknown[]>> {
  return waitFor(async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const fixes = lenses.filter((l) => l.command?.title === 'Move to Secrets Manager');
    return fixes.length === count ? new Map(fixes.map((l) => [l.range.start.line, l.command?.arguments ?? []])) : undefined;
  }, `${count} Move to Secrets Manager lenses`);
}

const line = (editor: vscode.TextEditor, prefix: string) =>
  editor.document
    .getText()
    .split('\n')
    .find((l) => l.startsWith(prefix)) ?? '';

describe('a fix acts on the finding it was offered for', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('moves the URL password, first time, when its lens is clicked right after another fix', async () => {
    const editor = await openCreds('stale');
    const lenses = await fixLenses(editor.document.uri, 3);
    const pairLens = lenses.get(2);
    const urlLens = lenses.get(4);
    assert.ok(pairLens && urlLens, `lenses on lines 3 and 5 (got lines ${[...lenses.keys()].join(', ')})`);

    await asUser([...WHERE, { input: `lens/stale-pair-${run}` }, { pick: 'alias/aws/secretsmanager' }], () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...pairLens),
    );
    assert.match(line(editor, 'AWS_SECRET_ACCESS_KEY'), /get_secret_value|secrets_manager_value/);

    // At once, with the lens VS Code still shows: made for the text before the first fix.
    const name = `lens/stale-url-${run}`;
    const user = await asUser([...WHERE, { input: name }, { pick: 'alias/aws/secretsmanager' }], () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...urlLens),
    );
    assert.deepEqual(user.messages('error'), []);
    assert.equal(await secretText(name), 'Xk9mP2vQr7sLw4Tz', 'the URL password is what was stored');
    assert.ok(!editor.document.getText().includes('Xk9mP2vQr7sLw4Tz'), 'the URL password left the file');
    assert.match(line(editor, 'DATABASE_URL'), new RegExp(`"postgres://app:" \\+ .*${name.replace(/\//g, '\\/')}.* \\+ "@db\\.internal:5432/app"`));
    assert.equal(line(editor, 'GITHUB_TOKEN'), 'GITHUB_TOKEN = "ghp_UbfnLUA7LgQpgqNYc0aNjEsaYSSpXDi4fD1b"', 'the token is untouched');
  });

  it('finds its value again after lines were added above it', async () => {
    const editor = await openCreds('moved');
    const tokenLens = (await fixLenses(editor.document.uri, 3)).get(5);
    assert.ok(tokenLens);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(1, 0), '# one\n# two\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const name = `lens/moved-${run}`;
    await asUser([...WHERE, { input: name }, { pick: 'alias/aws/secretsmanager' }], () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...tokenLens),
    );
    assert.equal(await secretText(name), 'ghp_UbfnLUA7LgQpgqNYc0aNjEsaYSSpXDi4fD1b');
    assert.match(line(editor, 'DATABASE_URL'), /Xk9mP2vQr7sLw4Tz/, 'the URL is untouched');
  });

  it('refuses, and changes nothing, when the value it was offered for was edited', async () => {
    const editor = await openCreds('edited');
    const urlLens = (await fixLenses(editor.document.uri, 3)).get(4);
    assert.ok(urlLens);
    const at = editor.document.getText().indexOf('Xk9mP2vQr7sLw4Tz');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 16)), 'Rw8nQ3xTs6mLv2Yz');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const before = editor.document.getText();
    const user = await asUser([], () => vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...urlLens));
    assert.match(user.messages('error').join('\n'), /changed since/);
    assert.equal(editor.document.getText(), before);
  });
});
