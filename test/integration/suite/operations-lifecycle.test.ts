// Rotation, new random values, delete / restore, versions (diff, labels), tags and retrieval
// snippets, each run as a user would from the tree, and checked against AWS and the tree.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { describeSecret, parameter, secretText } from './awsCheck';
import { addFault, clearFaults, waitFor } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, label, labelsAt, parameterNode, plainText, secretNode } from './tree';

const run = Date.now().toString(36);

async function createSecret(name: string, text: string): Promise<void> {
  await asUser([{ pick: 'Plain text' }, { input: name }, { input: text }, { pick: 'alias/aws/secretsmanager' }, { input: '' }, { input: '' }], () =>
    vscode.commands.executeCommand('awsSecrets.createSecret'),
  );
}

async function createParameter(name: string, value: string): Promise<void> {
  await asUser([{ input: name }, { pick: 'SecureString' }, { input: value }, { pick: 'alias/aws/ssm' }, { input: '' }, { pick: 'No expiration' }], () =>
    vscode.commands.executeCommand('awsSecrets.createParameter'),
  );
}

describe('rotate, delete, versions, tags, snippets', () => {
  afterEach(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('rotates a secret that has a rotation Lambda, after confirmation, and reports the new version', async () => {
    const provider = await explorer();
    const before = await describeSecret('prod/payments/db');
    const user = await asUser([{ confirm: 'Rotate Now', title: /Rotate prod\/payments\/db/ }], async () =>
      vscode.commands.executeCommand('awsSecrets.rotateNow', await secretNode(provider, 'prod/payments/db')),
    );
    assert.match(user.messages('info')[0], /^Rotation of prod\/payments\/db started: version [0-9a-f]{8} is AWSCURRENT\.$/);
    const after = await describeSecret('prod/payments/db');
    assert.notDeepEqual(after.VersionIdsToStages, before.VersionIdsToStages);
  });

  it('does nothing when the rotation is not confirmed', async () => {
    const provider = await explorer();
    const before = await secretText('prod/payments/db');
    await asUser([{ dismiss: true }], async () => vscode.commands.executeCommand('awsSecrets.rotateNow', await secretNode(provider, 'prod/payments/db')));
    assert.equal(await secretText('prod/payments/db'), before);
  });

  it('configures rotation with a Lambda and a schedule, then turns it off', async () => {
    const provider = await explorer();
    const name = `qa-${run}/rotating`;
    await createSecret(name, 'initial');
    await asUser(
      [{ pick: 'SecretsManagerRotation-postgres', title: /Configure Rotation/ }, { pick: 'Every N days' }, { input: '10' }, { pick: 'Only on schedule' }],
      async () => vscode.commands.executeCommand('awsSecrets.configureRotation', await secretNode(provider, name)),
    );
    assert.equal(provider.getTreeItem(await secretNode(provider, name)).description, 'rotates every 10 days');
    assert.equal((await describeSecret(name)).RotationRules?.AutomaticallyAfterDays, 10);

    await asUser([{ confirm: 'Turn Off Rotation' }], async () => vscode.commands.executeCommand('awsSecrets.cancelRotation', await secretNode(provider, name)));
    assert.equal(provider.getTreeItem(await secretNode(provider, name)).description, undefined);
  });

  it('refuses an invalid schedule expression as it is typed', async () => {
    const provider = await explorer();
    await asUser(
      [
        { pick: 'SecretsManagerRotation-postgres' },
        { pick: 'A rate() or cron() expression' },
        { input: 'every tuesday', refused: /Write rate\(N days\)/ },
        { dismiss: true },
      ],
      async () => vscode.commands.executeCommand('awsSecrets.configureRotation', await secretNode(provider, `qa-${run}/rotating`)),
    );
  });

  it('generates a new value for one key of a JSON secret and keeps the others', async () => {
    const provider = await explorer();
    const name = `qa-${run}/json-rotate`;
    await asUser(
      [
        { pick: 'Key/value pairs' },
        { input: name },
        { input: 'username' },
        { input: 'svc' },
        { input: 'password' },
        { input: 'old-pass' },
        { input: '' },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { input: '' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    await asUser(
      [{ pick: 'password', title: /Which key/ }, { input: '20' }, { pick: 'Letters and digits only' }, { confirm: 'Generate and Store' }],
      async () => vscode.commands.executeCommand('awsSecrets.generateNewValue', await secretNode(provider, name)),
    );
    const value = JSON.parse((await secretText(name)) ?? '{}') as Record<string, string>;
    assert.equal(value.username, 'svc');
    assert.match(value.password, /^[A-Za-z0-9]{20}$/);
    assert.equal(JSON.parse((await secretText(name, 'us-east-1', 'AWSPREVIOUS')) ?? '{}').password, 'old-pass');
  });

  it('offers Configure Rotation or Generate New Value when Rotate Now has no Lambda', async () => {
    const provider = await explorer();
    const user = await asUser([], async () => vscode.commands.executeCommand('awsSecrets.rotateNow', await secretNode(provider, `qa-${run}/json-rotate`)));
    assert.match(user.messages('info')[0], /has no rotation Lambda/);
  });

  it('schedules deletion with a recovery window, shows it in the tree, and restores', async () => {
    const provider = await explorer();
    const name = `qa-${run}/to-delete`;
    await createSecret(name, 'bye');
    await asUser(
      [{ pick: 'Delete with a 7-day recovery window' }, { confirm: 'Schedule Deletion', title: /Schedule qa-.*to-delete .* for deletion in 7 days/ }],
      async () => vscode.commands.executeCommand('awsSecrets.delete', await secretNode(provider, name)),
    );
    assert.ok((await describeSecret(name)).DeletedDate);
    const item = provider.getTreeItem(await secretNode(provider, name));
    assert.match(String(item.description), /^deletion scheduled/);
    assert.match(item.contextValue ?? '', /^secret deleted/);

    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.restore', await secretNode(provider, name)));
    assert.equal((await describeSecret(name)).DeletedDate, undefined);
    assert.match(provider.getTreeItem(await secretNode(provider, name)).contextValue ?? '', /^secret active/);
  });

  it('deletes permanently only after the name is typed', async () => {
    const provider = await explorer();
    const name = `qa-${run}/force-delete`;
    await createSecret(name, 'gone');
    await asUser([{ pick: 'Delete permanently, without recovery…' }, { input: 'wrong', refused: /Type the exact name/ }, { input: name }], async () =>
      vscode.commands.executeCommand('awsSecrets.delete', await secretNode(provider, name)),
    );
    await assert.rejects(describeSecret(name), /ResourceNotFoundException|not found/i);
    assert.ok(!(await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `qa-${run}`])).includes('force-delete'));
  });

  it('deletes a parameter after confirmation', async () => {
    const provider = await explorer();
    await labelsAt(provider, ['demo', 'us-east-1', 'Parameter Store']);
    const name = `/qa/${run}/to-delete`;
    await createParameter(name, 'param-bye');
    await asUser([{ confirm: 'Delete' }], async () => vscode.commands.executeCommand('awsSecrets.delete', await parameterNode(provider, name)));
    await assert.rejects(parameter(name), /ParameterNotFound/);
  });

  it('compares AWSCURRENT with AWSPREVIOUS in the diff editor', async () => {
    const provider = await explorer();
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.compareWithPrevious', await secretNode(provider, `qa-${run}/json-rotate`)));
    const tab = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab, 'the diff tab');
    assert.ok(tab.input instanceof vscode.TabInputTextDiff, 'a diff editor');
    assert.equal(tab.input.original.scheme, 'awssecrets-view');
    assert.equal(tab.label, `qa-${run}/json-rotate: AWSPREVIOUS ↔ AWSCURRENT`);
    const left = await vscode.workspace.openTextDocument(tab.input.original);
    const right = await vscode.workspace.openTextDocument(tab.input.modified);
    assert.equal(JSON.parse(left.getText()).password, 'old-pass');
    assert.notEqual(JSON.parse(right.getText()).password, 'old-pass');
  });

  it('compares parameter version N with N−1, and any two versions', async () => {
    const provider = await explorer();
    const node = await parameterNode(provider, '/app/prod/log-level');
    await asUser([], () => vscode.commands.executeCommand('awsSecrets.compareWithPrevious', node));
    const tab = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab, 'the diff tab');
    assert.equal(tab.label, '/app/prod/log-level: v2 ↔ v3');

    await asUser([{ pick: /^v3/ }, { pick: /^v1/ }], () => vscode.commands.executeCommand('awsSecrets.compareVersions', node));
    const second = await waitFor(() => {
      const active = vscode.window.tabGroups.activeTabGroup.activeTab;
      return active?.label === '/app/prod/log-level: v3 ↔ v1' ? active : undefined;
    }, 'the v3 ↔ v1 diff');
    assert.ok(second.input instanceof vscode.TabInputTextDiff);
  });

  it('moves a staging label to a version, and labels a parameter version', async () => {
    const provider = await explorer();
    const secret = await secretNode(provider, `qa-${run}/json-rotate`);
    const versions = await provider.getChildren(secret);
    const previous = versions.find((v) => label(provider, v).includes('AWSPREVIOUS'));
    assert.ok(previous);
    await asUser([{ pick: 'New label…' }, { input: 'blue' }], () => vscode.commands.executeCommand('awsSecrets.labelVersion', previous));
    const stages = (await describeSecret(`qa-${run}/json-rotate`)).VersionIdsToStages ?? {};
    assert.ok(Object.values(stages).some((s) => s.includes('blue') && s.includes('AWSPREVIOUS')));

    const param = await parameterNode(provider, '/app/prod/log-level');
    const v1 = (await provider.getChildren(param)).find((v) => label(provider, v) === 'v1');
    assert.ok(v1);
    await asUser([{ input: 'bad label!', refused: /can't be a label/ }, { input: 'golden' }], () =>
      vscode.commands.executeCommand('awsSecrets.labelVersion', v1),
    );
    await waitFor(async () => {
      const children = await provider.getChildren(await parameterNode(provider, '/app/prod/log-level'));
      return children.some((v) => label(provider, v) === 'v1' && String(provider.getTreeItem(v).description).includes('golden'));
    }, 'the golden label on v1');
  });

  it('adds, changes and removes tags', async () => {
    const provider = await explorer();
    const name = `qa-${run}/tags`;
    await createSecret(name, 'tagged');
    const node = await secretNode(provider, name);
    await asUser(
      [
        { pick: 'Add tags…' },
        { input: 'team=qa, env=dev' },
        { pick: 'env' },
        { pick: 'Change value' },
        { input: 'prod' },
        { pick: 'team' },
        { pick: 'Remove tag' },
        { pick: 'Done' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.editTags', node),
    );
    assert.deepEqual((await describeSecret(name)).Tags, [{ Key: 'env', Value: 'prod' }]);
    assert.match(plainText(provider.getTreeItem(await secretNode(provider, name)).tooltip as vscode.MarkdownString), /Tags: env=prod/);
  });

  it('inserts a retrieval snippet with its import in a Python file', async () => {
    const provider = await explorer();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder);
    mkdirSync(join(folder, 'app'), { recursive: true });
    const file = join(folder, 'app', `settings_${run}.py`);
    writeFileSync(file, 'import os\n\nDEBUG = True\n');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await asUser([{ pick: 'password', title: /is JSON: fetch one key/ }], async () =>
      vscode.commands.executeCommand('awsSecrets.insertSnippet', await secretNode(provider, 'prod/payments/db')),
    );
    const text = editor.document.getText();
    assert.match(text, /^import boto3$/m);
    assert.match(text, /^import json$/m);
    assert.match(text, /get_secret_value\(SecretId="prod\/payments\/db"\)/);
    assert.match(text, /\["password"\]/);
    assert.ok(!text.includes(JSON.parse((await secretText('prod/payments/db')) ?? '{}').password), 'never the value');
    // One undo removes the import and the snippet together.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'import os\n\nDEBUG = True\n');
  });

  it('reports access denied on a write with the action, the item, the region and the profile', async () => {
    const provider = await explorer();
    await addFault({ service: 'secretsmanager', operation: 'TagResource', kind: 'accessDenied' });
    const user = await asUser([{ pick: 'Add tags…' }, { input: 'x=y' }], async () =>
      vscode.commands.executeCommand('awsSecrets.editTags', await secretNode(provider, `qa-${run}/tags`)),
    );
    assert.deepEqual(user.messages('error'), [
      `Access denied to secretsmanager:TagResource on qa-${run}/tags in us-east-1 for profile demo. Ask for this permission or use another profile.`,
    ]);
  });
});
