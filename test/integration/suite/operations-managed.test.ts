// Secrets another service manages (OwningService): the tree names the owner, the menus hide what
// only the owner may do, the palette refuses it and says where to do it, and reading still works.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_SEED } from '../../emulator';
import type { ExplorerNode } from '../../../src/tree/nodes';
import { secretText } from './awsCheck';
import { emulatorStats } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, menuCommands, plainText, secretNode } from './tree';

const owned = DEMO_SEED['us-east-1'].secrets.find((secret) => secret.owner)!;

const OWNER_CONTROLLED = [
  'awsSecrets.editValue',
  'awsSecrets.generateNewValue',
  'awsSecrets.rotateNow',
  'awsSecrets.configureRotation',
  'awsSecrets.cancelRotation',
  'awsSecrets.editTags',
  'awsSecrets.delete',
  'awsSecrets.labelVersion',
];
const READING = [
  'awsSecrets.copyValue',
  'awsSecrets.revealValue',
  'awsSecrets.copyJsonKey',
  'awsSecrets.insertSnippet',
  'awsSecrets.copyArn',
  'awsSecrets.compareVersions',
];

describe('service-managed secrets', () => {
  let node: ExplorerNode;

  before(async () => {
    node = await secretNode(await explorer(), owned.name);
  });

  it('names the owner and the database in the tree', async () => {
    const item = (await explorer()).getTreeItem(node);
    assert.equal(item.description, 'managed by RDS · rotates every 7 days');
    const tooltip = plainText(item.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /Managed by: Amazon RDS \(OwningService rds\): it controls the value, rotation, tags and deletion/);
    assert.match(tooltip, /Database: RDS DB instance payments-db/);
    assert.match(tooltip, /Rotation: rotates every 7 days, by RDS \(managed rotation\)/);
  });

  it('hides from its menus what only the owner may do, and keeps reading, copying and snippets', async () => {
    const provider = await explorer();
    const shown = menuCommands(String(provider.getTreeItem(node).contextValue));
    for (const command of OWNER_CONTROLLED) assert.ok(!shown.has(command), `${command} is hidden`);
    for (const command of READING) assert.ok(shown.has(command), `${command} is shown`);
    const [version] = await provider.getChildren(node);
    const versionMenus = menuCommands(String(provider.getTreeItem(version!).contextValue));
    assert.ok(!versionMenus.has('awsSecrets.labelVersion') && versionMenus.has('awsSecrets.revealValue'));
    // An ordinary secret still has them all.
    const ordinary = menuCommands(String(provider.getTreeItem(await secretNode(provider, 'prod/payments/db')).contextValue));
    for (const command of OWNER_CONTROLLED.filter((c) => c !== 'awsSecrets.labelVersion')) assert.ok(ordinary.has(command), `${command} on an ordinary secret`);
  });

  it('refuses Edit Value from the palette, saying where to rotate it, and sends nothing', async () => {
    const before = await emulatorStats();
    const user = await asUser(
      [
        { pick: 'Secrets Manager', title: /Service/ },
        { pick: owned.name, search: 'rds!', title: /Choose a secret/ },
      ],
      () => vscode.commands.executeCommand('awsSecrets.editValue'),
    );
    const [message] = user.messages('error');
    assert.match(message, new RegExp(`^${owned.name.replace(/[!]/g, '\\$&')} is managed by Amazon RDS: Editing its value is done in RDS`));
    assert.match(message, /aws rds modify-db-instance --db-instance-identifier payments-db --rotate-master-user-password --apply-immediately/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-edit', false, 'no edit document opened');
    const after = await emulatorStats();
    for (const op of ['PutSecretValue', 'UpdateSecret', 'TagResource', 'RotateSecret', 'DeleteSecret'])
      assert.equal(after[`secretsmanager.${op}`] ?? 0, before[`secretsmanager.${op}`] ?? 0);
  });

  it('refuses rotation, tags, deletion and a new value when handed the secret', async () => {
    for (const [command, action] of [
      ['awsSecrets.rotateNow', 'Rotating it'],
      ['awsSecrets.configureRotation', 'Configuring its rotation'],
      ['awsSecrets.generateNewValue', 'Generating a new value'],
      ['awsSecrets.editTags', 'Editing its tags'],
      ['awsSecrets.delete', 'Deleting it'],
    ] as const) {
      const user = await asUser([], () => vscode.commands.executeCommand(command, node));
      assert.match(user.messages('error')[0] ?? '', new RegExp(`is managed by Amazon RDS: ${action} is done in RDS`), command);
    }
  });

  it('still reads it: Copy Value and Copy JSON Key', async () => {
    await asUser([], () => vscode.commands.executeCommand('awsSecrets.copyValue', node));
    assert.equal(await vscode.env.clipboard.readText(), await secretText(owned.name));
    await asUser([{ pick: 'username' }], () => vscode.commands.executeCommand('awsSecrets.copyJsonKey', node));
    assert.equal(await vscode.env.clipboard.readText(), 'payments_admin');
  });
});
