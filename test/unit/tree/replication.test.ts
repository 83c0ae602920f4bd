/**
 * Multi-Region secrets and parameter policies in the tree: how a primary, a replica and its
 * child nodes look, and the model learning about replicas when a secret is expanded (against
 * the emulator, through the real AWS layer).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSecretCommand, ReplicateSecretToRegionsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createAwsRuntime } from '../../../src/aws/runtime';
import type { AwsProfile, AwsRuntime, ParameterSummary, SecretSummary } from '../../../src/aws/types';
import { ExplorerModel } from '../../../src/tree/explorerModel';
import type { ExplorerNode, ParameterNode, ReplicaNode, SecretNode, ServiceNode } from '../../../src/tree/nodes';
import { present } from '../../../src/tree/presentation';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../emulator/index';

const profile: AwsProfile = { name: 'demo', kind: 'static', region: 'us-east-1', endpoints: {} };
const service = (region: string): ServiceNode => ({ type: 'service', id: `s-${region}`, profile, region, service: 'secretsmanager' });
const secretNode = (region: string, s: Partial<SecretSummary>): SecretNode => ({
  type: 'secret',
  id: `x-${region}`,
  parent: service(region),
  label: 'db',
  secret: { name: 'prod/db', arn: `arn:aws:secretsmanager:${region}:123456789012:secret:prod/db-AbCdEf`, rotationEnabled: false, tags: [], ...s },
});
const rowsOf = (node: ExplorerNode) => new Map(present(node, { singleProfile: false }).tooltip?.rows ?? []);

describe('replicas and policies in the tree', () => {
  it('says on a replica that it is read-only and where its primary is', () => {
    const replica = secretNode('eu-west-1', { primaryRegion: 'us-east-1' });
    const shown = present(replica, { singleProfile: false });
    assert.equal(shown.description, 'replica of us-east-1 · read-only');
    assert.match(shown.contextValue, /\breplica\b/);
    assert.match(rowsOf(replica).get('Replication') ?? '', /read-only replica; its primary is in us-east-1/);
    // The same secret in its own Region is not a replica.
    assert.equal(present(secretNode('us-east-1', { primaryRegion: 'us-east-1' }), { singleProfile: false }).description, undefined);
  });

  it('counts a primary’s replicas, says when one failed, and shows each as a child with its status', () => {
    const replicas = [
      { region: 'eu-west-1', status: 'InSync', kmsKeyId: 'alias/payments-eu' },
      { region: 'ap-south-1', status: 'Failed', message: 'Replication failed: Secret with this name already exists in this region.' },
    ];
    const primary = secretNode('us-east-1', {
      primaryRegion: 'us-east-1',
      replication: replicas,
      rotationEnabled: true,
      rotationRules: { automaticallyAfterDays: 30 },
    });
    const shown = present(primary, { singleProfile: false });
    assert.equal(shown.description, 'rotates every 30 days · 2 replicas (1 failed)');
    assert.match(shown.contextValue, /\bprimary\b/);
    assert.match(rowsOf(primary).get('Replicas') ?? '', /^eu-west-1 \(InSync\), ap-south-1 \(Failed: Replication failed: Secret with this name/);

    const child = (i: number): ReplicaNode => ({ type: 'replica', id: `r${i}`, parent: primary, replica: replicas[i]! });
    const insync = present(child(0), { singleProfile: false });
    assert.deepEqual(
      [insync.label, insync.description, insync.icon?.id, insync.contextValue],
      ['eu-west-1', 'replica · alias/payments-eu', 'pass', 'replica status:InSync'],
    );
    const failed = present(child(1), { singleProfile: false });
    assert.equal(failed.icon?.color, 'errorForeground');
    assert.match(rowsOf(child(1)).get('Message') ?? '', /already exists/);
  });

  it('shows a parameter’s expiration and notification policies in its tooltip, and the expiry date in its description', () => {
    const parameter = (p: Partial<ParameterSummary>): ParameterNode => ({
      type: 'parameter',
      id: 'p',
      parent: { ...service('us-east-1'), service: 'ssm' },
      label: 'token',
      parameter: { name: '/app/token', type: 'SecureString', tier: 'Advanced', version: 2, ...p },
    });
    const node = parameter({
      policies: [
        { type: 'Expiration', status: 'Pending', expiresAt: new Date('2031-01-01T00:00:00Z'), text: '{}' },
        { type: 'ExpirationNotification', status: 'Pending', interval: { amount: 15, unit: 'Days' }, text: '{}' },
        { type: 'NoChangeNotification', status: 'Pending', interval: { amount: 20, unit: 'Days' }, text: '{}' },
      ],
    });
    assert.equal(present(node, { singleProfile: false }).description, 'SecureString · Advanced · v2 · expires 2031-01-01');
    const rows = rowsOf(node);
    assert.equal(rows.get('Expires'), '2031-01-01 00:00 UTC: Parameter Store deletes the parameter then');
    assert.equal(rows.get('Expiration notice'), '15 days before it expires, as an EventBridge event');
    assert.equal(rows.get('No-change notice'), 'after 20 days without a change, as an EventBridge event');
  });

  describe('the model', () => {
    let emulator: RunningEmulator;
    let dir: string;
    let runtime: AwsRuntime;
    let client: SecretsManagerClient;

    before(async () => {
      emulator = await startEmulator({ seed: 'none' });
      dir = await mkdtemp(join(tmpdir(), 'asl-replicas-'));
      await writeFile(join(dir, 'config'), `[profile demo]\nregion = us-east-1\nendpoint_url = ${emulator.endpoint}\n`);
      await writeFile(
        join(dir, 'credentials'),
        `[demo]\naws_access_key_id = ${EMULATOR_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${EMULATOR_CREDENTIALS.secretAccessKey}\n`,
      );
      runtime = createAwsRuntime({
        logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {} },
        env: { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir },
      });
      client = new SecretsManagerClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } });
      await client.send(new CreateSecretCommand({ Name: 'multi', SecretString: 'v' }));
      await client.send(new ReplicateSecretToRegionsCommand({ SecretId: 'multi', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    });
    after(async () => {
      client.destroy();
      runtime.dispose();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    });

    async function secretIn(m: ExplorerModel, region: string): Promise<SecretNode> {
      const [p] = await m.getChildren();
      const r = (await m.getChildren(p)).find((n) => n.type === 'region' && n.region === region);
      const sm = (await m.getChildren(r)).find((n) => n.type === 'service' && n.service === 'secretsmanager');
      const node = (await m.getChildren(sm)).find((n) => n.type === 'secret');
      assert.ok(node?.type === 'secret');
      return node;
    }

    it('learns a primary’s replicas when it is expanded, redraws it once, and lists each replica before the versions', async () => {
      const m = new ExplorerModel(async () => runtime, { profiles: [], regions: ['eu-west-1'], pageSize: 100 });
      const node = await secretIn(m, 'us-east-1');
      assert.equal(node.secret.replication, undefined, 'ListSecrets does not report replicas');
      const redrawn: (ExplorerNode | undefined)[] = [];
      m.onDidChange((changed) => redrawn.push(changed));
      const children = await m.getChildren(node);
      assert.deepEqual(
        children.map((c) => c.type),
        ['replica', 'secretVersion'],
      );
      assert.equal(children[0]?.type === 'replica' && children[0].replica.region, 'eu-west-1');
      assert.deepEqual(redrawn, [node]);
      await m.getChildren(node);
      assert.equal(redrawn.length, 1, 'expanding again does not redraw again when nothing changed');
      assert.match(present(node, { singleProfile: false }).description ?? '', /^1 replica$/);
    });

    it('shows the replica in its own Region as read-only, with a note where its primary is', async () => {
      const m = new ExplorerModel(async () => runtime, { profiles: [], regions: ['eu-west-1'], pageSize: 100 });
      const node = await secretIn(m, 'eu-west-1');
      assert.equal(present(node, { singleProfile: false }).description, 'replica of us-east-1 · read-only');
      const [note, ...versions] = await m.getChildren(node);
      assert.deepEqual(note?.type === 'message' && note.message, 'Read-only replica: its primary is in us-east-1');
      assert.deepEqual(
        versions.map((v) => v.type),
        ['secretVersion'],
      );
    });
  });
});
