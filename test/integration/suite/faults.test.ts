// AWS misbehaving while the explorer is in use: throttling storms, 500s, refused connections,
// credentials that expire mid-session, an expired SSO session. Each failure shows on the node it
// affects, with the right next step; the rest of the tree keeps working; retry works once the
// fault clears. Profiles added to the AWS config file appear without a manual refresh.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/tree/nodes';
import { addFault, clearFaults, resetEmulator, waitFor } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, label, labelsAt, nodeAt, secretNode, type Provider } from './tree';

async function errorAt(provider: Provider, path: string[]): Promise<ExplorerNode & { type: 'error' }> {
  return waitFor(
    async () => {
      const children = await provider.getChildren(await nodeAt(provider, path));
      const error = children.find((c): c is ExplorerNode & { type: 'error' } => c.type === 'error');
      return error;
    },
    `an error item under ${path.join(' › ')}`,
  );
}

describe('faults', () => {
  let provider: Provider;
  const configFile = process.env.AWS_CONFIG_FILE ?? '';
  let originalConfig = '';

  before(async () => {
    provider = await explorer();
    await resetEmulator();
    originalConfig = readFileSync(configFile, 'utf8');
  });
  afterEach(async () => {
    await clearFaults();
    if (readFileSync(configFile, 'utf8') !== originalConfig) {
      writeFileSync(configFile, originalConfig);
      await waitFor(async () => (await provider.getChildren()).length === 1, 'the extra profiles gone again');
    }
    await vscode.commands.executeCommand('awsSecrets.refresh');
  });

  it('retries a throttling storm, then says AWS is throttling; retry works once it stops', async () => {
    await addFault({ service: 'secretsmanager', operation: 'ListSecrets', kind: 'throttle' });
    await vscode.commands.executeCommand('awsSecrets.refresh');
    const error = await errorAt(provider, ['demo', 'us-east-1', 'Secrets Manager']);
    assert.equal(label(provider, error), 'Throttled');
    assert.match(
      error.message,
      /^Secrets Manager is throttling requests in us-east-1 for profile demo \(gave up after \d attempts\)\. Wait a moment and try again\.$/,
    );
    // Parameter Store is untouched.
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Parameter Store'])).includes('app'));
    await clearFaults();
    await vscode.commands.executeCommand('awsSecrets.refresh', error);
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager'])).includes('prod'));
  });

  it('shows a 500 from AWS as a service error on that node only', async () => {
    await addFault({ service: 'ssm', kind: 'serverError' });
    await vscode.commands.executeCommand('awsSecrets.refresh');
    const error = await errorAt(provider, ['demo', 'us-east-1', 'Parameter Store']);
    assert.equal(label(provider, error), 'AWS service error');
    assert.match(error.message, /Parameter Store had an internal error in us-east-1 for profile demo \(HTTP 500\)\. Try again later\./);
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager'])).includes('prod'));
  });

  it('says when credentials expire mid-session, and recovers when they are valid again', async () => {
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager'])).includes('prod'));
    await addFault({ kind: 'expiredToken' });
    await vscode.commands.executeCommand('awsSecrets.refresh');
    const error = await errorAt(provider, ['demo', 'us-east-1', 'Secrets Manager']);
    assert.equal(label(provider, error), 'Credentials expired');
    assert.match(error.message, /The credentials of profile demo have expired or are not valid/);
    // A command meets the same fault with the same message, as a notification.
    const user = await asUser([], async () =>
      vscode.commands.executeCommand('awsSecrets.copyValue', { service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name: 'prod/payments/db' }),
    );
    assert.match(
      user.messages('error')[0] ?? '',
      /^The credentials of profile demo have expired or are not valid \(Secrets Manager, us-east-1\)\. Refresh them and try again\.$/,
    );
    await clearFaults();
    await vscode.commands.executeCommand('awsSecrets.refresh', error);
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager'])).includes('prod'));
  });

  it('shows a new profile from the config file without a refresh, and an unreachable endpoint on it alone', async () => {
    appendFileSync(
      configFile,
      '\n[profile offline]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\naws_access_key_id = AKIAOFFLINE000000000\naws_secret_access_key = offline\n',
    );
    await waitFor(async () => (await provider.getChildren()).some((p) => label(provider, p) === 'offline'), 'the offline profile');
    const error = await errorAt(provider, ['offline', 'us-east-1', 'Secrets Manager']);
    assert.equal(label(provider, error), 'Cannot reach AWS');
    assert.match(error.message, /Could not reach Secrets Manager at http:\/\/127\.0\.0\.1:9 in us-east-1 for profile offline \(ECONNREFUSED\)/);
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager'])).includes('prod'));
  });

  it('tells the user to sign in when an SSO session has expired, with a sign-in action on the item', async () => {
    appendFileSync(
      configFile,
      '\n[profile corp-sso]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
    );
    await waitFor(async () => (await provider.getChildren()).some((p) => label(provider, p) === 'corp-sso'), 'the SSO profile');
    const error = await errorAt(provider, ['corp-sso', 'us-east-1', 'Secrets Manager']);
    assert.equal(label(provider, error), 'SSO session expired');
    assert.match(error.message, /Run "aws sso login --profile corp-sso", then try again/);
    assert.match(provider.getTreeItem(error).contextValue ?? '', /\bsso\b/);
    const profileItem = provider.getTreeItem(await nodeAt(provider, ['corp-sso']));
    assert.match(profileItem.contextValue ?? '', /\bsso\b/);
  });

  it('keeps working after a slow answer: the item loads once AWS responds', async () => {
    await addFault({ service: 'secretsmanager', operation: 'DescribeSecret', kind: 'latency', latencyMs: 1500, times: 1 });
    const node = await secretNode(provider, 'prod/payments/db');
    await vscode.commands.executeCommand('awsSecrets.refresh', node);
    assert.match(String(provider.getTreeItem(await secretNode(provider, 'prod/payments/db')).description), /rotates every/);
  });
});
