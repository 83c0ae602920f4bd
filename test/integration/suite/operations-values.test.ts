// Reading and editing values: copy (and the clipboard clearing itself), copy one JSON key,
// reveal read-only, edit as a document and save as a new version, with the refusals that keep
// the user's text: invalid JSON, an oversize value, a change made meanwhile, access denied.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeSecret, putSecretBehindTheBack, secretText } from './awsCheck';
import type { TestHooks } from '../../../src/ui/testHooks';
import { activateProduct, addFault, clearFaults, waitFor, withSetting } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, parameterNode, secretNode } from './tree';

const run = Date.now().toString(36);

async function createSecret(name: string, text: string): Promise<void> {
  await asUser([{ pick: 'Plain text' }, { input: name }, { input: text }, { pick: 'alias/aws/secretsmanager' }, { input: '' }, { input: '' }], () =>
    vscode.commands.executeCommand('awsSecrets.createSecret'),
  );
}

/** Closes every editor, reverting unsaved value documents first (closing a dirty one would ask to save). */
async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces the whole text of a document the way typing would. */
async function retype(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('values: copy, reveal, edit', () => {
  afterEach(async () => {
    await clearFaults();
    await closeAllEditors();
  });

  it('copies a value and clears the clipboard after the configured time', async () => {
    const provider = await explorer();
    const name = `qa-${run}/copy`;
    await createSecret(name, 'copy-me-123');
    const restore = await withSetting('awsSecrets.clipboardClearSeconds', 1);
    try {
      await asUser([], async () => vscode.commands.executeCommand('awsSecrets.copyValue', await secretNode(provider, name)));
      assert.equal(await vscode.env.clipboard.readText(), 'copy-me-123');
      await waitFor(async () => (await vscode.env.clipboard.readText()) === '', 'the clipboard to be cleared', 5000);
    } finally {
      await restore();
    }
  });

  it('does not clear the clipboard when the user copied something else meanwhile', async () => {
    const provider = await explorer();
    const restore = await withSetting('awsSecrets.clipboardClearSeconds', 1);
    try {
      await asUser([], async () => vscode.commands.executeCommand('awsSecrets.copyValue', await secretNode(provider, `qa-${run}/copy`)));
      await vscode.env.clipboard.writeText('something the user copied');
      // Once the scheduled clear has run, the user's own text is still there.
      await (await activateProduct<TestHooks>()).clipboardClearsSettled();
      assert.equal(await vscode.env.clipboard.readText(), 'something the user copied');
    } finally {
      await restore();
    }
  });

  it('copies one key of a JSON secret, listing keys but no values', async () => {
    const provider = await explorer();
    const node = await secretNode(provider, 'prod/payments/db');
    const user = await asUser([{ pick: 'password', title: /Copy a key of prod\/payments\/db/ }], () =>
      vscode.commands.executeCommand('awsSecrets.copyJsonKey', node),
    );
    const stored = JSON.parse((await secretText('prod/payments/db')) ?? '{}') as Record<string, string>;
    assert.equal(await vscode.env.clipboard.readText(), stored.password);
    assert.ok(
      user.shown.every((s) => !s.text.includes(stored.password)),
      'the key list shows sizes, not values',
    );
  });

  it('reveals a JSON secret pretty-printed in a read-only document', async () => {
    const provider = await explorer();
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.revealValue', await secretNode(provider, 'prod/payments/db')));
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'the revealed document');
    assert.equal(editor.document.uri.scheme, 'awssecrets-view');
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), JSON.parse((await secretText('prod/payments/db')) ?? ''));
    assert.ok(editor.document.getText().includes('\n  "'), 'pretty-printed');
    // Read-only: the file system behind it refuses writes.
    assert.equal(vscode.workspace.fs.isWritableFileSystem('awssecrets-view'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, Buffer.from('x'))));
  });

  it('reveals a binary secret as base64', async () => {
    const provider = await explorer();
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.revealValue', await secretNode(provider, 'prod/auth/saml-keystore')));
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'the revealed document');
    assert.match(editor.document.getText(), /^[A-Za-z0-9+/]+=*$/);
  });

  it('refuses to edit a binary secret as text, pointing to Reveal Value', async () => {
    const provider = await explorer();
    const user = await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await secretNode(provider, 'prod/auth/saml-keystore')));
    assert.deepEqual(user.messages('error'), ["prod/auth/saml-keystore is a binary secret and can't be edited as text. Use Reveal Value to see it as base64."]);
  });

  it('reveals a SecureString parameter decrypted', async () => {
    const provider = await explorer();
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.revealValue', await parameterNode(provider, '/app/prod/payments/db-password')));
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'the revealed document');
    assert.ok(editor.document.getText().startsWith('demo'), 'the seeded (fake) password, decrypted');
  });

  it('edits a JSON secret: saving writes a new version; invalid JSON is refused and the text kept', async () => {
    const provider = await explorer();
    const name = `qa-${run}/edit-json`;
    await createSecret(name, JSON.stringify({ user: 'a', password: 'one' }));
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await secretNode(provider, name)));
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'the edit document');
    assert.equal(editor.document.uri.scheme, 'awssecrets-edit');
    const document = editor.document;

    const broken = '{\n  "user": "a",\n  "password": two\n}';
    await retype(document, broken);
    assert.equal(await document.save(), false, 'invalid JSON is not saved');
    assert.equal(document.getText(), broken, 'the text is kept');
    assert.equal(document.isDirty, true);
    assert.equal(await secretText(name), JSON.stringify({ user: 'a', password: 'one' }), 'nothing was sent');

    await retype(document, '{\n  "user": "a",\n  "password": "two"\n}');
    assert.equal(await document.save(), true);
    assert.equal(await secretText(name), '{"user":"a","password":"two"}', 'stored compactly, like the console');
    assert.equal(await secretText(name, 'us-east-1', 'AWSPREVIOUS'), '{"user":"a","password":"one"}');
  });

  it('asks before overwriting a change made meanwhile, and keeps the text when declined', async () => {
    const provider = await explorer();
    const name = `qa-${run}/concurrent`;
    await createSecret(name, 'first');
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await secretNode(provider, name)));
    const document = (await waitFor(() => vscode.window.activeTextEditor, 'the edit document')).document;
    await putSecretBehindTheBack(name, 'changed by someone else');
    await retype(document, 'mine');

    let saved = true;
    const declined = await asUser([{ dismiss: true, title: /changed in AWS after you opened it/ }], async () => {
      saved = await document.save();
    });
    assert.equal(saved, false);
    assert.equal(document.getText(), 'mine');
    assert.equal(await secretText(name), 'changed by someone else');
    assert.ok(declined.messages('warn').some((m) => m.includes('changed in AWS')));

    await asUser([{ confirm: 'Overwrite' }], async () => {
      saved = await document.save();
    });
    assert.equal(saved, true);
    assert.equal(await secretText(name), 'mine');
  });

  it('refuses to save a value over 64 KB, sending nothing', async () => {
    const provider = await explorer();
    const name = `qa-${run}/edit-big`;
    await createSecret(name, 'small');
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await secretNode(provider, name)));
    const document = (await waitFor(() => vscode.window.activeTextEditor, 'the edit document')).document;
    await retype(document, 'z'.repeat(70_000));
    assert.equal(await document.save(), false);
    assert.equal(await secretText(name), 'small');
  });

  it('reports access denied on save with the action, and keeps the text', async () => {
    const provider = await explorer();
    const name = `qa-${run}/edit-denied`;
    await createSecret(name, 'before');
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await secretNode(provider, name)));
    const document = (await waitFor(() => vscode.window.activeTextEditor, 'the edit document')).document;
    await retype(document, 'after');
    await addFault({ service: 'secretsmanager', operation: 'PutSecretValue', kind: 'accessDenied' });
    assert.equal(await document.save(), false);
    assert.equal(document.getText(), 'after');
    await clearFaults();
    assert.equal(await document.save(), true);
    assert.equal(await secretText(name), 'after');
  });

  it('keeps unicode and the CRLF line ends of a stored value through an edit', async () => {
    const provider = await explorer();
    const name = `qa-${run}/unicode`;
    await createSecret(name, 'start');
    await putSecretBehindTheBack(name, 'pässwörd 🔑\r\nline two\r\n');
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await secretNode(provider, name)));
    const document = (await waitFor(() => vscode.window.activeTextEditor, 'the edit document')).document;
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 8), ' ✓');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await document.save(), true);
    assert.equal(await secretText(name), 'pässwörd 🔑\r\nline two ✓\r\n');
  });

  it('copies the ARN and the name, and explains that a custom endpoint has no console', async () => {
    const provider = await explorer();
    const node = await secretNode(provider, 'prod/payments/db');
    await asUser([], () => vscode.commands.executeCommand('awsSecrets.copyArn', node));
    assert.equal(await vscode.env.clipboard.readText(), (await describeSecret('prod/payments/db')).ARN);
    await asUser([], () => vscode.commands.executeCommand('awsSecrets.copyName', node));
    assert.equal(await vscode.env.clipboard.readText(), 'prod/payments/db');
    const user = await asUser([], () => vscode.commands.executeCommand('awsSecrets.openInConsole', node));
    assert.deepEqual(user.messages('info'), ['Profile demo uses a custom endpoint, which has no AWS console.']);
  });

  it('asks which item when run from the palette, searching on the server as the user types', async () => {
    await asUser(
      [
        { pick: 'Secrets Manager', title: /Service/ },
        { pick: 'prod/payments/stripe-api-key', search: 'prod/payments/', title: /Choose a secret/ },
      ],
      () => vscode.commands.executeCommand('awsSecrets.copyName'),
    );
    assert.equal(await vscode.env.clipboard.readText(), 'prod/payments/stripe-api-key');
  });
});
