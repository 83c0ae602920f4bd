// Resource policies in a real VS Code: Edit Resource Policy opens the secret's policy as a JSON
// document; saving checks it with ValidateResourcePolicy first — a policy that grants access to
// "*" is refused with AWS's finding as a diagnostic in the document, nothing stored, the text kept —
// then stores it with BlockPublicPolicy; a change made in AWS meanwhile is overwritten only when
// the user says so; Delete Resource Policy asks first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CreateSecretCommand, GetResourcePolicyCommand, PutResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import * as vscode from 'vscode';
import { ACCOUNT_ID } from '../../emulator';
import { withSecretsManager } from './accessView';
import { waitFor } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, plainText, secretNode } from './tree';

/** The secret's tooltip as the explorer resolves it on hover. */
async function hoverText(): Promise<string> {
  const provider = await explorer();
  await vscode.commands.executeCommand('awsSecrets.refresh');
  const node = await secretNode(provider, name);
  const item = await provider.resolveTreeItem(provider.getTreeItem(node), node, new vscode.CancellationTokenSource().token);
  return plainText(item.tooltip as vscode.MarkdownString);
}

const run = randomBytes(3).toString('hex');
const name = `qa-${run}/access/with-policy`;
const ref = { service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name } as const;

const storedPolicy = () => withSecretsManager(async (sm) => (await sm.send(new GetResourcePolicyCommand({ SecretId: name }))).ResourcePolicy);

function policyFor(principal: unknown): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }, null, 2)}\n`;
}

async function retype(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Access: resource policy', () => {
  before(() => withSecretsManager((sm) => sm.send(new CreateSecretCommand({ Name: name, SecretString: 'kept out of every policy view' }))));
  after(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses a policy that grants access to "*", shows the finding in the document, keeps the text; stores a valid one', async () => {
    assert.match(await hoverText(), /Resource policy: none/);
    const user = await asUser([], async () => vscode.commands.executeCommand('awsSecrets.editResourcePolicy', ref));
    assert.match(user.messages('info')[0] ?? '', /has no resource policy/);
    const editor = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-policy' && vscode.window.activeTextEditor,
      'the policy document',
    );
    const document = editor.document;
    assert.equal(document.languageId, 'json');
    assert.match(document.getText(), new RegExp(`arn:aws:iam::${ACCOUNT_ID}:root`), 'starts from this account');
    assert.doesNotMatch(document.getText(), /kept out of every policy view/);

    const open = policyFor('*');
    await retype(document, open);
    assert.equal(await document.save(), false, 'refused');
    assert.equal(document.getText(), open, 'the text is kept');
    assert.equal(document.isDirty, true);
    assert.equal(await storedPolicy(), undefined, 'nothing stored');
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /BROAD_ACCESS/);
    // On the wildcard principal, where the problem is.
    assert.equal(document.getText(diagnostics[0]!.range), '"*"');

    const accountOnly = policyFor({ AWS: `arn:aws:iam::${ACCOUNT_ID}:role/reader` });
    await retype(document, accountOnly);
    const saved = await asUser([], async () => assert.equal(await document.save(), true));
    assert.deepEqual(JSON.parse((await storedPolicy()) ?? '{}'), JSON.parse(accountOnly));
    assert.equal(vscode.languages.getDiagnostics(document.uri).length, 0, 'the finding is gone');
    assert.match(saved.messages('info')[0] ?? '', /Stored the resource policy of .*public access blocked/);
    assert.match(await hoverText(), /Resource policy: yes/);
  });

  it('refuses JSON that is not valid before asking AWS, with the place of the error', async () => {
    const document = vscode.window.activeTextEditor!.document;
    await retype(document, '{\n  "Version": "2012-10-17",\n  "Statement": [\n}\n');
    assert.equal(await document.save(), false);
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    assert.ok(diagnostics.length >= 1);
    assert.match(diagnostics[0]!.message, /Not valid JSON/);
    assert.equal(diagnostics[0]!.range.start.line, 3);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('asks before overwriting a policy changed in AWS meanwhile', async () => {
    const document = vscode.window.activeTextEditor!.document;
    const theirs = policyFor({ AWS: `arn:aws:iam::${ACCOUNT_ID}:role/theirs` });
    await withSecretsManager((sm) => sm.send(new PutResourcePolicyCommand({ SecretId: name, ResourcePolicy: theirs })));
    await retype(document, policyFor({ AWS: `arn:aws:iam::${ACCOUNT_ID}:role/mine` }));
    await asUser([{ dismiss: true, title: /changed in AWS after you opened it/ }], async () => assert.equal(await document.save(), false));
    assert.equal(await storedPolicy(), theirs, 'theirs is kept');
    await asUser([{ confirm: 'Overwrite', title: /changed in AWS after you opened it/ }], async () => assert.equal(await document.save(), true));
    assert.match((await storedPolicy()) ?? '', /role\/mine/);
  });

  it('deletes the resource policy after a modal confirmation', async () => {
    await asUser([{ dismiss: true, title: /Delete the resource policy of/ }], async () =>
      vscode.commands.executeCommand('awsSecrets.deleteResourcePolicy', ref),
    );
    assert.ok(await storedPolicy(), 'kept when the user says no');
    const user = await asUser([{ confirm: 'Delete Policy', title: /Delete the resource policy of/ }], async () =>
      vscode.commands.executeCommand('awsSecrets.deleteResourcePolicy', ref),
    );
    assert.equal(await storedPolicy(), undefined);
    assert.match(user.messages('info')[0] ?? '', /Deleted the resource policy/);
  });
});
