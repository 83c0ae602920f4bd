// Environments in a real VS Code: comparing two seeded environments in the comparison view,
// showing one pair in the diff editor, promoting a folder of 30 secrets with one injected
// failure and a retry, refusing another account's KMS key, and multi-Region secrets
// (replicate, a refused write on the replica, promote, remove) — checked in the tree and in AWS.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  SecretsManagerClient,
  type Tag,
} from '@aws-sdk/client-secrets-manager';
import * as vscode from 'vscode';
import type { ComparisonNode } from '../../../src/compare/presentation';
import type { TestHooks } from '../../../src/ui/testHooks';
import { EMULATOR_CREDENTIALS } from '../../emulator';
import { activateProduct, addFault, clearFaults, emulatorEndpoint, emulatorStats, waitFor, withSetting } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, menuCommands, nodeAt, plainText, secretNode, treeTexts } from './tree';

const run = randomBytes(3).toString('hex');

function client(region = 'us-east-1'): SecretsManagerClient {
  return new SecretsManagerClient({ region, endpoint: emulatorEndpoint(), credentials: { ...EMULATOR_CREDENTIALS } });
}

async function seed(items: { name: string; value: string; tags?: Tag[]; kmsKeyId?: string }[], region = 'us-east-1'): Promise<void> {
  const sm = client(region);
  try {
    for (const item of items) await sm.send(new CreateSecretCommand({ Name: item.name, SecretString: item.value, Tags: item.tags, KmsKeyId: item.kmsKeyId }));
  } finally {
    sm.destroy();
  }
}

async function described(name: string, region = 'us-east-1') {
  const sm = client(region);
  try {
    return await sm.send(new DescribeSecretCommand({ SecretId: name }));
  } finally {
    sm.destroy();
  }
}

/** The comparison view as a user reads it: group label → entry labels. */
async function comparisonGroups(): Promise<Record<string, string[]>> {
  const view = (await activateProduct<TestHooks>()).comparison;
  const label = (n: ComparisonNode) => String(view.getTreeItem(n).label);
  return Object.fromEntries(view.getChildren().map((group) => [label(group), view.getChildren(group).map(label)]));
}

async function comparisonTexts(): Promise<string[]> {
  const view = (await activateProduct<TestHooks>()).comparison;
  const texts: string[] = [];
  const walk = (node?: ComparisonNode) => {
    for (const child of view.getChildren(node)) {
      const item = view.getTreeItem(child);
      texts.push(`${String(item.label)} ${String(item.description ?? '')} ${item.tooltip instanceof vscode.MarkdownString ? plainText(item.tooltip) : ''}`);
      walk(child);
    }
  };
  walk();
  return texts;
}

async function comparisonEntry(relative: string): Promise<ComparisonNode> {
  const view = (await activateProduct<TestHooks>()).comparison;
  for (const group of view.getChildren()) {
    const found = view.getChildren(group).find((n) => n.type === 'entry' && n.entry.relative === relative);
    if (found) return found;
  }
  throw new Error(`no entry ${relative} in the comparison`);
}

describe('environments', () => {
  // Secrets seeded here come after the demo data: one page shows them all.
  let restorePageSize: () => Promise<void>;
  before(async () => {
    restorePageSize = await withSetting('awsSecrets.pageSize', 1000);
  });
  after(() => restorePageSize());
  afterEach(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('compares two folders: only in A, only in B, different (with the JSON key missing in B), other metadata, equal — and no value anywhere', async () => {
    const a = `env-${run}/a/`;
    const b = `env-${run}/b/`;
    const values = ['Zq-pw-a-7f3k', 'Zq-pw-b-9d2m', 'Zq-feature-5h1x', 'Zq-legacy-3n8v', 'Zq-shared-2c6w', 'Zq-api-key-4j7t'];
    await seed([
      { name: `${a}db-password`, value: values[0]! },
      { name: `${b}db-password`, value: values[1]! },
      { name: `${a}config`, value: JSON.stringify({ currency: 'USD', retryLimit: '3', apiKey: values[5] }) },
      { name: `${b}config`, value: JSON.stringify({ currency: 'USD', apiKey: values[5] }) },
      { name: `${a}feature-key`, value: values[2]! },
      { name: `${b}legacy-token`, value: values[3]! },
      { name: `${a}shared-id`, value: values[4]! },
      { name: `${b}shared-id`, value: values[4]! },
      { name: `${a}partner`, value: 'same', tags: [{ Key: 'env', Value: 'a' }] },
      { name: `${b}partner`, value: 'same', tags: [{ Key: 'env', Value: 'b' }] },
    ]);
    const provider = await explorer();
    await provider.model.refresh();
    const folder = await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `env-${run}`, 'a']);
    const user = await asUser([{ pick: b, title: /^Compare env-\w+\/a\/ · Secrets Manager · us-east-1 · profile demo with…/ }], () =>
      vscode.commands.executeCommand('awsSecrets.compareWith', folder),
    );

    assert.deepEqual(await comparisonGroups(), {
      [`Only in A: ${a}`]: ['feature-key'],
      [`Only in B: ${b}`]: ['legacy-token'],
      Different: ['config', 'db-password'],
      'Same value, different metadata': ['partner'],
      Equal: ['shared-id'],
    });
    const view = (await activateProduct<TestHooks>()).comparison;
    const config = await comparisonEntry('config');
    assert.deepEqual(
      view.getChildren(config).map((d) => String(view.getTreeItem(d).label)),
      [`key “retryLimit” only in ${a}`],
    );
    const partner = await comparisonEntry('partner');
    assert.deepEqual(
      view.getChildren(partner).map((d) => String(view.getTreeItem(d).label)),
      ['tag “env” differs'],
    );
    const texts = [...(await comparisonTexts()), ...user.shown.map((s) => s.text), ...(await treeTexts(provider))];
    assert.deepEqual(
      values.filter((v) => texts.some((t) => t.includes(v))),
      [],
    );

    // Show Difference: the two values in the diff editor, through the same read-only documents as a reveal.
    const pair = await comparisonEntry('db-password');
    await asUser([], () => vscode.commands.executeCommand('awsSecrets.showDifference', pair));
    const tab = await waitFor(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 'the diff editor');
    assert.equal(tab.original.scheme, 'awssecrets-view');
    assert.match(decodeURIComponent(tab.original.query), new RegExp(`name=${a}db-password`));
    assert.match(decodeURIComponent(tab.modified.query), new RegExp(`name=${b}db-password`));
  });

  it('promotes a folder of 30 secrets with the chosen KMS key, reports the one that failed, and retries it', async () => {
    const src = `promo-${run}/src/`;
    const dst = `promo-${run}/dst/`;
    const names = Array.from({ length: 30 }, (_, i) => `item-${String(i + 1).padStart(2, '0')}`);
    await seed(names.map((n) => ({ name: `${src}${n}`, value: `promoted-${run}-${n}`, tags: [{ Key: 'team', Value: 'qa' }] })));
    const provider = await explorer();
    await provider.model.refresh();
    const folder = await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `promo-${run}`, 'src']);
    // One item is refused once, as AWS would refuse it (AccessDenied is not retried by the SDK).
    await addFault({ service: 'secretsmanager', operation: 'CreateSecret', resource: `${dst}item-17`, kind: 'accessDenied', times: 1 });

    const user = await asUser(
      [
        { pick: 'Secrets Manager', title: /^Copy / },
        { input: dst, title: /^Copy / },
        { pick: 'alias/payments', title: /KMS key for the new secrets in us-east-1/ },
        { pick: 'Carry tags over' },
        { confirm: 'Copy', title: /^Copy 30 secrets from promo-\w+\/src\/ to promo-\w+\/dst\/\?$/ },
        { button: 'Retry Failed', title: /^Copy to promo-\w+\/dst\/: 29 created, 1 failed\.$/ },
      ],
      () => vscode.commands.executeCommand('awsSecrets.copyTo', folder),
    );
    const preview = user.messages('warn').find((m) => m.startsWith('Copy 30 secrets'));
    assert.ok(preview, 'the preview was shown');
    assert.match(preview, /Create 30 · Overwrite 0 \(a new version\) · Leave alone 0 \(same value\) · Can't copy 0/);
    assert.match(preview, /KMS key for new items: alias\/payments\. Tags: carried over\./);
    assert.ok(user.messages('error').some((m) => /29 created, 1 failed/.test(m)));
    assert.ok(
      user.messages('info').some((m) => m === `Copy to ${dst}: 1 created.`),
      JSON.stringify(user.messages('info')),
    );

    const sm = client();
    try {
      const listed = await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: [dst] }], MaxResults: 100 }));
      assert.deepEqual(
        listed.SecretList?.map((s) => s.Name).sort(),
        names.map((n) => `${dst}${n}`),
      );
      for (const secret of listed.SecretList ?? []) {
        assert.equal(secret.KmsKeyId, 'alias/payments', `${secret.Name} is encrypted with the chosen key`);
        assert.deepEqual(secret.Tags, [{ Key: 'team', Value: 'qa' }]);
      }
      const copied = await sm.send(new GetSecretValueCommand({ SecretId: `${dst}item-17` }));
      assert.equal(copied.SecretString, `promoted-${run}-item-17`, 'the value arrived exactly as it was');
    } finally {
      sm.destroy();
    }

    // Again: everything is there, so nothing is written; a dry run gives the report.
    await asUser(
      [
        { pick: 'Secrets Manager' },
        { input: dst },
        { pick: 'Carry tags over' },
        { confirm: 'Dry Run', title: /^Copy 30 secrets/ },
        { button: 'Show Report', title: `Dry run — nothing was sent. Copy to ${dst}: 30 would be left alone.` },
      ],
      async () => vscode.commands.executeCommand('awsSecrets.copyTo', await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `promo-${run}`, 'src'])),
    );
    const report = await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-report' ? vscode.window.activeTextEditor.document : undefined),
      'the report',
    );
    assert.match(report.getText(), new RegExp(`\\| ${src}item-01 \\| ${dst}item-01 \\| would be left alone \\|`));
    assert.ok(!report.getText().includes(`promoted-${run}`), 'the report holds no value');
  });

  it('says before sending that another account’s customer-managed key can’t be used, and sends nothing', async () => {
    const src = `kms-${run}/src/`;
    await seed([{ name: `${src}token`, value: 'v', kmsKeyId: 'arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab' }]);
    const provider = await explorer();
    await provider.model.refresh();
    const before = (await emulatorStats())['secretsmanager.CreateSecret'] ?? 0;
    const user = await asUser(
      [{ pick: 'Secrets Manager' }, { input: `kms-${run}/dst/` }, { pick: 'Keep each item’s key' }, { pick: 'Don’t copy tags' }, { dismiss: true }],
      async () => vscode.commands.executeCommand('awsSecrets.copyTo', await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `kms-${run}`, 'src'])),
    );
    const preview = user.messages('warn').find((m) => m.startsWith('Copy 1 secret'));
    assert.match(preview ?? '', /Can't copy 1/);
    assert.match(preview ?? '', /belongs to account 999999999999, and account 123456789012 can't use it/);
    assert.equal((await emulatorStats())['secretsmanager.CreateSecret'] ?? 0, before);
  });

  it('replicates a secret, refuses a change on the replica, promotes it, and removes a replica Region — in the tree and in AWS', async () => {
    const restore = await withSetting('awsSecrets.regions', ['eu-west-1']);
    try {
      const name = `rep-${run}/db`;
      await seed([{ name, value: 'replicated-value' }]);
      const provider = await explorer();
      await provider.model.refresh();
      const replicate = (overwrite: boolean) =>
        asUser(
          [
            { pick: 'eu-west-1', title: /^Replicate rep-/ },
            { pick: overwrite ? 'alias/aws/secretsmanager' : 'alias/payments-eu', title: /KMS key for the replica in eu-west-1/ },
            { pick: 'Replicate now' },
            ...(overwrite ? [{ confirm: 'Overwrite', title: /already exists in eu-west-1/ }] : []),
          ],
          async () => vscode.commands.executeCommand('awsSecrets.replicateToRegions', await secretNode(provider, name)),
        );
      await replicate(false);
      const status = (await described(name)).ReplicationStatus?.[0];
      assert.deepEqual([status?.Region, status?.KmsKeyId], ['eu-west-1', 'alias/payments-eu']);

      // The primary lists its replica (the status turns InSync shortly); the replica says it is read-only.
      const replicaChild = await waitFor(async () => {
        const children = await provider.getChildren(await secretNode(provider, name));
        const replica = children.find((c) => c.type === 'replica');
        return replica?.type === 'replica' && replica.replica.status === 'InSync' ? replica : undefined;
      }, 'the replica to be InSync in the tree');
      assert.equal(provider.getTreeItem(replicaChild).label, 'eu-west-1');
      assert.match(String(provider.getTreeItem(await secretNode(provider, name)).description), /1 replica/);
      const replicaNode = await secretNode(provider, name, 'eu-west-1');
      assert.equal(provider.getTreeItem(replicaNode).description, 'replica of us-east-1 · read-only');
      // Its menus offer no change (the primary owns them), and keep reading and promoting.
      const replicaMenus = menuCommands(String(provider.getTreeItem(replicaNode).contextValue));
      for (const command of [
        'awsSecrets.editValue',
        'awsSecrets.editTags',
        'awsSecrets.delete',
        'awsSecrets.configureRotation',
        'awsSecrets.replicateToRegions',
      ])
        assert.ok(!replicaMenus.has(command), `${command} is hidden on the replica`);
      assert.ok(replicaMenus.has('awsSecrets.copyValue') && replicaMenus.has('awsSecrets.promoteReplica'), 'reading and promoting are offered');
      const [replicaVersion] = await provider.getChildren(replicaNode);
      assert.ok(
        replicaVersion && !menuCommands(String(provider.getTreeItem(replicaVersion).contextValue)).has('awsSecrets.labelVersion'),
        'no label moves on its versions',
      );

      // A change on the replica is refused before anything is sent, with where to make it.
      const tagsBefore = (await emulatorStats())['secretsmanager.TagResource'] ?? 0;
      const refused = await asUser([], () => vscode.commands.executeCommand('awsSecrets.editTags', replicaNode));
      assert.match(
        refused.messages('error')[0] ?? '',
        /is a read-only replica of the secret in us-east-1\. To change its tags, make the change on the primary in us-east-1/,
      );
      assert.equal((await emulatorStats())['secretsmanager.TagResource'] ?? 0, tagsBefore);

      // Promote: the replica becomes a standalone secret in eu-west-1.
      await asUser([{ confirm: 'Promote to Standalone', title: /Promote the replica of rep-.* in eu-west-1/ }], () =>
        vscode.commands.executeCommand('awsSecrets.promoteReplica', replicaNode),
      );
      assert.equal((await described(name, 'eu-west-1')).PrimaryRegion, 'eu-west-1');
      assert.deepEqual((await described(name)).ReplicationStatus ?? [], []);
      assert.doesNotMatch(String(provider.getTreeItem(await secretNode(provider, name, 'eu-west-1')).description ?? ''), /replica/);

      // Replicate again over the standalone copy (asked first), then remove the replica Region.
      await replicate(true);
      const again = await waitFor(
        async () => (await provider.getChildren(await secretNode(provider, name))).find((c) => c.type === 'replica'),
        'the replica node',
      );
      await asUser([{ confirm: 'Remove Replica', title: /Remove the replica of rep-.* in eu-west-1/ }], () =>
        vscode.commands.executeCommand('awsSecrets.removeReplicaRegion', again),
      );
      const gone = await client('eu-west-1')
        .send(new DescribeSecretCommand({ SecretId: name }))
        .then(
          () => 'still there',
          (e: Error) => e.name,
        );
      assert.equal(gone, 'ResourceNotFoundException');
      assert.deepEqual(
        (await provider.getChildren(await secretNode(provider, name))).filter((c) => c.type === 'replica'),
        [],
      );
    } finally {
      await restore();
    }
  });
});
