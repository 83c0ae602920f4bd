// Access in a real VS Code, against the emulator's CloudTrail (which records its own Secrets
// Manager, Parameter Store and KMS calls): a secret read in the explorer shows in its access
// history with who, when, from where and how; the filter; 50 a page with Load More; and a
// Region whose CloudTrail the profile may not read (AccessDenied on LookupEvents).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import * as vscode from 'vscode';
import { CALLER_ARN } from '../../emulator';
import { FAKE_ACCESS_KEY_ID } from '../../harness/awsProfiles';
import { accessRows, withSecretsManager } from './accessView';
import { addFault, clearFaults, waitFor } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, parameterNode, secretNode } from './tree';

const run = randomBytes(3).toString('hex');

describe('Access: history', () => {
  afterEach(clearFaults);

  it('shows a read made in the explorer: who (principal and key id), when, the call, source IP and user agent', async () => {
    const provider = await explorer();
    const node = await secretNode(provider, 'prod/payments/db');
    const before = Date.now();
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.copyValue', node));
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.showAccessHistory', node));
    const rows = await accessRows();
    const read = rows.find((r) => r.node.type === 'event' && r.label === 'GetSecretValue' && (r.node.event.eventTime?.getTime() ?? 0) >= before - 1000);
    assert.ok(read, `the read is listed; rows: ${rows.map((r) => `${r.label} ${r.description}`).join(' | ')}`);
    assert.match(read.tooltip, new RegExp(`Principal: ${CALLER_ARN}`));
    assert.match(read.tooltip, new RegExp(`Access key id: ${FAKE_ACCESS_KEY_ID}`));
    assert.match(read.tooltip, /Source IP: \S+/);
    assert.match(read.tooltip, /User agent: .*aws-sdk-js/);
    assert.match(read.tooltip, /Call: secretsmanager\.amazonaws\.com GetSecretValue/);
    assert.match(read.tooltip, /Kind: read/);
    assert.match(read.description, /user\/demo/);
    // Newest first.
    const times = rows.filter((r) => r.node.type === 'event').map((r) => (r.node.type === 'event' ? (r.node.event.eventTime?.getTime() ?? 0) : 0));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    // Every event is about this secret: none of another secret's calls slip in through the event-source lookup.
    for (const row of rows) if (row.node.type === 'event') assert.doesNotMatch(row.tooltip, /Request named: (?!.*prod\/payments\/db)/);

    // Writes only: the read goes, and the message says what is shown.
    await asUser([{ pick: 'Writes', title: /Show which calls/ }], async () => vscode.commands.executeCommand('awsSecrets.filterAccessHistory'));
    const writes = await accessRows();
    assert.ok(!writes.some((r) => r.label === 'GetSecretValue'), 'no read among the writes');
    assert.ok(writes.every((r) => r.node.type !== 'event' || r.node.event.readOnly === false));
  });

  it('shows the reads of a parameter, by its ARN or its name', async () => {
    const provider = await explorer();
    const node = await parameterNode(provider, '/app/prod/payments/db-password');
    const before = Date.now();
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.copyValue', node));
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.showAccessHistory', node));
    const rows = await accessRows();
    const read = rows.find((r) => r.node.type === 'event' && r.label === 'GetParameter' && (r.node.event.eventTime?.getTime() ?? 0) >= before - 1000);
    assert.ok(read, rows.map((r) => `${r.label} ${r.description}`).join(' | '));
    assert.match(read.tooltip, /Call: ssm\.amazonaws\.com GetParameter/);
    // Only this parameter's events: not those of its neighbours under /app/prod/payments/.
    for (const row of rows)
      if (row.node.type === 'event')
        assert.ok(
          row.node.event.requestIds.some((id) => id.endsWith('/app/prod/payments/db-password')),
          row.tooltip,
        );
  });

  it('pages 50 at a time with Load More, and names a refused read (in requestParameters only)', async () => {
    const name = `qa-${run}/access/paged`;
    await withSecretsManager(async (sm) => {
      await sm.send(new CreateSecretCommand({ Name: name, SecretString: 'not shown anywhere' }));
      for (let i = 0; i < 55; i++) await sm.send(new GetSecretValueCommand({ SecretId: name }));
    });
    // A read refused by AWS: CloudTrail names the secret only in requestParameters.
    await addFault({ service: 'secretsmanager', operation: 'GetSecretValue', resource: name, kind: 'accessDenied', times: 1 });
    await asUser([], async () =>
      vscode.commands.executeCommand('awsSecrets.copyValue', { service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name }),
    );
    await clearFaults();

    await asUser([], async () =>
      vscode.commands.executeCommand('awsSecrets.showAccessHistory', { service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name }),
    );
    const first = await accessRows();
    assert.equal(first.filter((r) => r.node.type === 'event').length, 50);
    assert.equal(first.at(-1)?.node.type, 'more');
    const refused = first.find((r) => r.node.type === 'event' && r.node.event.errorCode);
    assert.ok(refused, 'the refused read is listed (it is the newest)');
    assert.equal(refused.label, 'GetSecretValue');
    assert.match(refused.tooltip, /Refused: AccessDenied/);

    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.loadMoreAccessHistory'));
    const all = await accessRows();
    const events = all.filter((r) => r.node.type === 'event');
    // 55 reads, the refused one, CreateSecret, and the DescribeSecret the command made to learn the ARN.
    const count = (name: string) => events.filter((r) => r.label === name).length;
    assert.equal(count('GetSecretValue'), 56);
    assert.equal(count('CreateSecret'), 1);
    assert.equal(events.length, 56 + 1 + count('DescribeSecret'));
    assert.ok(!all.some((r) => r.node.type === 'more'), 'nothing more to load');
    assert.ok(!all.some((r) => `${r.description} ${r.tooltip}`.includes('not shown anywhere')), 'no value in the view');
  });

  it('says which permission is missing when CloudTrail refuses LookupEvents in a Region', async () => {
    await addFault({ service: 'cloudtrail', operation: 'LookupEvents', kind: 'accessDenied' });
    const user = await asUser([], async () =>
      vscode.commands.executeCommand('awsSecrets.showAccessHistory', {
        service: 'ssm',
        profile: 'demo',
        region: 'us-east-1',
        name: '/app/prod/payments/db-host',
      }),
    );
    const rows = await waitFor(async () => {
      const r = await accessRows();
      return r.some((row) => row.node.type === 'problem') && r;
    }, 'a problem row');
    const problem = rows.find((r) => r.node.type === 'problem')!;
    assert.equal(problem.label, 'Access denied');
    assert.match(problem.description, /cloudtrail:LookupEvents/);
    assert.match(problem.description, /us-east-1/);
    assert.equal(user.messages('error').length, 0, 'shown in the view, not as an error notification');
  });
});
