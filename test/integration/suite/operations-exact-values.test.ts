// Values exactly as stored: JSON that a JavaScript round trip would change (a 21-digit number,
// a duplicate key, an escape) is shown and copied as stored; a save that changes nothing writes
// nothing; one change stores exactly that change; auto-save never sends.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SecretRef } from '../../../src/aws/items';
import type { TestHooks } from '../../../src/ui/testHooks';
import { createSecretBehindTheBack, secretText, secretVersionCount } from './awsCheck';
import { activateProduct, emulatorStats, waitFor, withSetting } from './helpers';
import { asUser } from './scriptedUser';

const run = Date.now().toString(36);
/** RFC 8259 §6 and §4: a number beyond double precision, a duplicate name; plus a \u escape and unicode. */
const EXACT = '{"id":123456789012345678901,"user":"first","user":"second","name":"caf\\u00e9","note":"ünï 🔑"}';

const ref = (name: string): SecretRef => ({ service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name });

async function puts(): Promise<number> {
  return (await emulatorStats())['secretsmanager.PutSecretValue'] ?? 0;
}

async function openForEdit(name: string): Promise<vscode.TextDocument> {
  await asUser([], () => vscode.commands.executeCommand('awsSecrets.editValue', ref(name)));
  const editor = await waitFor(
    () => vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-edit' && vscode.window.activeTextEditor,
    'the edit document',
  );
  return editor.document;
}

/** Makes the document dirty without changing its text, as typing a character and deleting it does. */
async function touch(document: vscode.TextDocument): Promise<void> {
  const insert = new vscode.WorkspaceEdit();
  insert.insert(document.uri, new vscode.Position(0, 0), ' ');
  assert.ok(await vscode.workspace.applyEdit(insert));
  const remove = new vscode.WorkspaceEdit();
  remove.delete(document.uri, new vscode.Range(0, 0, 0, 1));
  assert.ok(await vscode.workspace.applyEdit(remove));
  assert.equal(document.isDirty, true);
}

async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('values exactly as stored', () => {
  afterEach(closeAll);

  it('reveals JSON that pretty-printing would change exactly as stored', async () => {
    const name = `qa-${run}/exact-reveal`;
    await createSecretBehindTheBack(name, EXACT);
    await asUser([], () => vscode.commands.executeCommand('awsSecrets.revealValue', ref(name)));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-view' && vscode.window.activeTextEditor,
      'the revealed document',
    );
    assert.equal(editor.document.getText(), EXACT);
    assert.equal(editor.document.languageId, 'json');
  });

  it('copies a JSON key as written: the 21-digit number is not rounded, the last duplicate is marked', async () => {
    const name = `qa-${run}/exact-copy`;
    await createSecretBehindTheBack(name, EXACT);
    const user = await asUser([{ pick: 'id', title: /Copy a key of/ }], () => vscode.commands.executeCommand('awsSecrets.copyJsonKey', ref(name)));
    assert.equal(await vscode.env.clipboard.readText(), '123456789012345678901');
    assert.ok(
      user.shown.some((s) => /^user .*duplicate key, 2 of 2/.test(s.text)),
      'the duplicate keys are both listed and marked',
    );
    await asUser([{ pick: 'name' }], () => vscode.commands.executeCommand('awsSecrets.copyJsonKey', ref(name)));
    assert.equal(await vscode.env.clipboard.readText(), 'café', 'a string is copied as applications read it');
  });

  it('writes nothing when a save changes nothing, and exactly the one change otherwise', async () => {
    const name = `qa-${run}/exact-edit`;
    await createSecretBehindTheBack(name, EXACT);
    const document = await openForEdit(name);
    assert.equal(document.getText(), EXACT, 'shown as stored, not pretty-printed');

    const before = await puts();
    await touch(document);
    assert.equal(await document.save(), true);
    assert.equal(document.isDirty, false);
    assert.equal(await puts(), before, 'no PutSecretValue');
    assert.equal(await secretVersionCount(name), 1, 'no new version');

    const edit = new vscode.WorkspaceEdit();
    const at = EXACT.indexOf('second');
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'second'.length)), 'third');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await document.save(), true);
    assert.equal(await secretText(name), EXACT.replace('"second"', '"third"'), 'exactly that change stored');
    assert.equal(await secretText(name, 'us-east-1', 'AWSPREVIOUS'), EXACT);
  });

  it('stores an edit of a pretty-printed value compactly, keeping the new number as typed', async () => {
    const name = `qa-${run}/exact-compact`;
    await createSecretBehindTheBack(name, '{"user":"app","port":5432}');
    const document = await openForEdit(name);
    assert.equal(document.getText(), '{\n  "user": "app",\n  "port": 5432\n}');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(document.getText().indexOf('5432')), document.positionAt(document.getText().indexOf('5432') + 4)),
      '98765432109876543210',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await document.save(), true);
    assert.equal(await secretText(name), '{"user":"app","port":98765432109876543210}');
  });

  it('stores an edited value as typed, whatever save actions the user has switched on', async () => {
    // Common user settings that rewrite a document on save: they must not reach a secret's value.
    const restores = [
      await withSetting('files.trimTrailingWhitespace', true),
      await withSetting('files.insertFinalNewline', true),
      await withSetting('files.trimFinalNewlines', true),
      await withSetting('editor.formatOnSave', true),
    ];
    try {
      const text = `qa-${run}/exact-save-actions`;
      await createSecretBehindTheBack(text, 'line one  \nline two\n\n');
      let document = await openForEdit(text);
      assert.equal(document.languageId, 'awssecrets-value');
      let edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(5), document.positionAt(8)), '1');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await document.save(), true);
      assert.equal(await secretText(text), 'line 1  \nline two\n\n', 'trailing spaces and final newlines kept');

      const password = `qa-${run}/exact-no-newline`;
      await createSecretBehindTheBack(password, 'hunter2');
      document = await openForEdit(password);
      edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(6), document.positionAt(7)), '3');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await document.save(), true);
      assert.equal(await secretText(password), 'hunter3', 'no final newline added');

      const json = `qa-${run}/exact-json-save-actions`;
      await createSecretBehindTheBack(json, EXACT);
      document = await openForEdit(json);
      assert.equal(document.languageId, 'awssecrets-json');
      edit = new vscode.WorkspaceEdit();
      const at = EXACT.indexOf('first');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'first'.length)), 'zero');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await document.save(), true);
      assert.equal(await secretText(json), EXACT.replace('"first"', '"zero"'), 'no newline added after the JSON');
    } finally {
      for (const restore of restores) await restore();
    }
  });

  it('never stores on auto-save: the text stays dirty and the status bar says it is not stored', async () => {
    const name = `qa-${run}/auto-save`;
    await createSecretBehindTheBack(name, 'original');
    const document = await openForEdit(name);
    const hooks = await activateProduct<TestHooks>();
    const refusedBefore = hooks.unstoredValues().autoSaveRefused.length;
    const restoreDelay = await withSetting('files.autoSaveDelay', 100);
    const restoreMode = await withSetting('files.autoSave', 'afterDelay');
    try {
      const before = await puts();
      const typing = new vscode.WorkspaceEdit();
      typing.insert(document.uri, new vscode.Position(0, 8), '-half-typ');
      assert.ok(await vscode.workspace.applyEdit(typing));
      await waitFor(() => hooks.unstoredValues().autoSaveRefused.length > refusedBefore, 'VS Code to auto-save the document');
      assert.deepEqual(hooks.unstoredValues().autoSaveRefused.slice(refusedBefore), [name]);
      assert.deepEqual(hooks.unstoredValues().notStored, [name], 'the status bar names it');
      assert.equal(document.isDirty, true, 'the refused auto-save left the text dirty');
      assert.equal(await secretText(name), 'original', 'nothing was sent');

      // The user finishes typing and saves: that save, and only it, is stored.
      const finish = new vscode.WorkspaceEdit();
      finish.insert(document.uri, new vscode.Position(0, 17), 'ed');
      assert.ok(await vscode.workspace.applyEdit(finish));
      assert.equal(await document.save(), true);
      assert.equal(await puts(), before + 1, 'one PutSecretValue: the explicit save');
      assert.equal(await secretText(name), 'original-half-typed');
      assert.equal(await secretText(name, 'us-east-1', 'AWSPREVIOUS'), 'original');
      await waitFor(() => hooks.unstoredValues().notStored.length === 0, 'the status bar item to go');
    } finally {
      await restoreMode();
      await restoreDelay();
    }
  });
});
