// Parameter Store policies in a real VS Code: an expiration set in the Create Parameter wizard
// and with Set Expiration… (which rewrites the same value as a new version), shown in the
// tree's tooltip, and removed again — checked against AWS (DescribeParameters' Policies).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DescribeParametersCommand, GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import * as vscode from 'vscode';
import { EMULATOR_CREDENTIALS } from '../../emulator';
import { emulatorEndpoint } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, parameterNode, plainText } from './tree';

const run = randomBytes(3).toString('hex');

async function withSsm<T>(use: (ssm: SSMClient) => Promise<T>): Promise<T> {
  const ssm = new SSMClient({ region: 'us-east-1', endpoint: emulatorEndpoint(), credentials: { ...EMULATOR_CREDENTIALS } });
  try {
    return await use(ssm);
  } finally {
    ssm.destroy();
  }
}

async function metadata(name: string) {
  return withSsm(
    async (ssm) => (await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }] }))).Parameters?.[0],
  );
}

describe('parameter policies', () => {
  it('creates a parameter that expires on a date, in the Advanced tier, and shows the expiration in the tree', async () => {
    const provider = await explorer();
    const name = `/qa/${run}/preview-token`;
    await asUser(
      [
        { input: name },
        { pick: 'String' },
        { input: 'preview' },
        { input: '' },
        { pick: 'Delete it on a date…', title: /Expiration \(optional\)/ },
        { input: '2001-01-01', refused: /must be in the future/ },
        { input: '2031-01-31' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createParameter'),
    );
    const stored = await metadata(name);
    assert.equal(stored?.Tier, 'Advanced');
    // Systems Manager user guide: an Expiration policy's Timestamp, in ISO 8601.
    const policy = JSON.parse(String(stored?.Policies?.[0]?.PolicyText)) as { Type: string; Attributes: { Timestamp: string } };
    assert.deepEqual([policy.Type, policy.Attributes.Timestamp], ['Expiration', '2031-01-31T00:00:00.000Z']);
    const item = provider.getTreeItem(await parameterNode(provider, name));
    assert.match(String(item.description), /expires 2031-01-31$/);
    assert.match(plainText(item.tooltip as vscode.MarkdownString), /Expires: 2031-01-31 00:00 UTC: Parameter Store deletes the parameter then/);
  });

  it('sets an expiration with a notification on an existing parameter, keeping its value, and removes it again', async () => {
    const provider = await explorer();
    const name = `/qa/${run}/session-key`;
    await withSsm((ssm) => ssm.send(new PutParameterCommand({ Name: name, Value: 'kept-value', Type: 'SecureString' })));
    await provider.model.refresh();
    const user = await asUser(
      [
        { pick: 'Expire on a date…', title: /^Expiration of / },
        { input: '90d' },
        { input: '7', title: /notification/ },
        { confirm: 'Use Advanced Tier', title: /Move .* to the Advanced tier\?/ },
      ],
      async () => vscode.commands.executeCommand('awsSecrets.setExpiration', await parameterNode(provider, name)),
    );
    assert.match(user.messages('info')[0] ?? '', /expires .* with a notification 7 days before \(a new version with the same value\)\.$/);
    const after = await metadata(name);
    assert.deepEqual(
      after?.Policies?.map((p) => p.PolicyType),
      ['Expiration', 'ExpirationNotification'],
    );
    assert.equal(after?.Version, 2);
    const value = await withSsm(async (ssm) => (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter);
    assert.equal(value?.Value, 'kept-value');
    assert.match(
      plainText(provider.getTreeItem(await parameterNode(provider, name)).tooltip as vscode.MarkdownString),
      /Expiration notice: 7 days before it expires/,
    );

    await asUser([{ pick: 'Remove the expiration' }], async () =>
      vscode.commands.executeCommand('awsSecrets.setExpiration', await parameterNode(provider, name)),
    );
    assert.deepEqual((await metadata(name))?.Policies ?? [], []);
    assert.doesNotMatch(String(provider.getTreeItem(await parameterNode(provider, name)).description), /expires/);
  });
});
