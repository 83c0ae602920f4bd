/**
 * The explorer's tree model against the emulator seeded with the demo data, through the
 * real AWS layer: what a user sees when expanding nodes, paging, filtering, and when a
 * region fails.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createAwsRuntime } from '../../../src/aws/runtime';
import type { AwsRuntime } from '../../../src/aws/types';
import { ExplorerModel, type ExplorerSettings } from '../../../src/tree/explorerModel';
import type { ExplorerNode, ServiceNode } from '../../../src/tree/nodes';
import { DEMO_SEED, EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../emulator/index';

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const settings = (overrides: Partial<ExplorerSettings> = {}): ExplorerSettings => ({ profiles: [], regions: ['eu-west-1'], pageSize: 100, ...overrides });

function labels(nodes: ExplorerNode[]): string[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'profile':
        return `profile:${n.profile.name}`;
      case 'region':
        return `region:${n.region}`;
      case 'service':
        return `service:${n.service}`;
      case 'folder':
        return `folder:${n.label}`;
      case 'secret':
      case 'parameter':
        return n.label;
      case 'loadMore':
        return `more:${n.loaded}`;
      case 'error':
        return `error:${n.kind}`;
      case 'message':
        return `message:${n.message}`;
      default:
        return n.type;
    }
  });
}

describe('explorer model', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let runtime: AwsRuntime;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    dir = await mkdtemp(join(tmpdir(), 'asl-model-'));
    await writeFile(
      join(dir, 'config'),
      `[profile demo]\nregion = us-east-1\nendpoint_url = ${emulator.endpoint}\n\n[profile other]\nregion = eu-west-1\nendpoint_url = ${emulator.endpoint}\n`,
    );
    const keys = `aws_access_key_id = ${EMULATOR_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${EMULATOR_CREDENTIALS.secretAccessKey}\n`;
    await writeFile(join(dir, 'credentials'), `[demo]\n${keys}[other]\n${keys}`);
    runtime = createAwsRuntime({
      logger: silent,
      env: { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir },
    });
  });
  afterEach(() => emulator.clearFaults());
  after(async () => {
    runtime.dispose();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  const model = (s: ExplorerSettings = settings()) => new ExplorerModel(async () => runtime, s);
  async function service(m: ExplorerModel, profile: string, region: string, which: 'secretsmanager' | 'ssm'): Promise<ServiceNode> {
    const p = (await m.getChildren()).find((n) => n.type === 'profile' && n.profile.name === profile);
    assert.ok(p, `profile ${profile}`);
    const r = (await m.getChildren(p)).find((n) => n.type === 'region' && n.region === region);
    assert.ok(r, `region ${region}`);
    const s = (await m.getChildren(r)).find((n) => n.type === 'service' && n.service === which);
    assert.ok(s && s.type === 'service');
    return s;
  }

  it('shows profile → regions (own region first, then configured) → both services', async () => {
    const m = model();
    const roots = await m.getChildren();
    assert.deepEqual(labels(roots), ['profile:demo', 'profile:other']);
    assert.deepEqual(labels(await m.getChildren(roots[0])), ['region:us-east-1', 'region:eu-west-1']);
    assert.deepEqual(labels(await m.getChildren(roots[1])), ['region:eu-west-1']);
    const regions = await m.getChildren(roots[0]);
    assert.deepEqual(labels(await m.getChildren(regions[0])), ['service:secretsmanager', 'service:ssm']);
  });

  it('limits profiles and regions to the settings, and reacts when they change', async () => {
    const m = model(settings({ profiles: ['other'], regions: [] }));
    assert.deepEqual(labels(await m.getChildren()), ['profile:other']);
    assert.deepEqual(labels(await model(settings({ profiles: ['nobody'] })).getChildren()), [
      'message:None of your 2 profiles is listed in the awsSecrets.profiles setting.',
    ]);
    let changed = 0;
    m.onDidChange(() => changed++);
    m.updateSettings(settings({ profiles: [], regions: ['ap-south-1'] }));
    assert.equal(changed, 1);
    const roots = await m.getChildren();
    assert.deepEqual(labels(roots), ['profile:demo', 'profile:other']);
    assert.deepEqual(labels(await m.getChildren(roots[0])), ['region:us-east-1', 'region:ap-south-1']);
  });

  it('groups the seeded secrets into folders and lists every one of them', async () => {
    const m = model();
    const sm = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    const top = await m.getChildren(sm);
    const seeded = DEMO_SEED['us-east-1'].secrets.map((s) => s.name);
    const expectedFolders = [...new Set(seeded.filter((n) => n.includes('/')).map((n) => n.split('/')[0]))].sort();
    assert.deepEqual(
      top.filter((n) => n.type === 'folder').map((n) => (n.type === 'folder' ? n.label : '')),
      expectedFolders,
    );

    // Walk every folder: the leaves are exactly the seeded names (deleted ones included, so they can be restored).
    const found: string[] = [];
    const walk = async (nodes: ExplorerNode[]) => {
      for (const n of nodes) {
        if (n.type === 'folder') await walk(await m.getChildren(n));
        if (n.type === 'secret') found.push(n.secret.name);
      }
    };
    await walk(top);
    assert.deepEqual(found.sort(), [...seeded].sort());
  });

  it('pages with Load more until everything is loaded, in one round trip per page', async () => {
    const m = model(settings({ pageSize: 7 }));
    const sm = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    const before = emulator.stats()['secretsmanager.ListSecrets'] ?? 0;
    let children = await m.getChildren(sm);
    assert.equal((emulator.stats()['secretsmanager.ListSecrets'] ?? 0) - before, 1, 'the first page is one ListSecrets call');
    let more = children.find((n) => n.type === 'loadMore');
    assert.ok(more && more.type === 'loadMore');
    assert.equal(more.loaded, 7);
    const total = DEMO_SEED['us-east-1'].secrets.length;
    let pages = 1;
    while (more) {
      await m.loadMore(more);
      pages++;
      children = await m.getChildren(sm);
      more = children.find((n) => n.type === 'loadMore');
    }
    assert.equal(pages, Math.ceil(total / 7));
    assert.equal((emulator.stats()['secretsmanager.ListSecrets'] ?? 0) - before, pages);
  });

  it('filters on the server, shows an empty message when nothing matches, and clears', async () => {
    const m = model();
    m.setFilter('prod/payments');
    const sm = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    const top = await m.getChildren(sm);
    assert.deepEqual(labels(top), ['folder:prod']);
    const ssm = await service(m, 'demo', 'us-east-1', 'ssm');
    const paramNames = DEMO_SEED['us-east-1'].parameters.map((p) => p.name).filter((n) => n.includes('prod/payments'));
    assert.ok(paramNames.length > 0);
    assert.deepEqual(labels(await m.getChildren(ssm)), ['folder:app']);

    m.setFilter('no-such-thing-anywhere');
    assert.deepEqual(labels(await m.getChildren(await service(m, 'demo', 'us-east-1', 'secretsmanager'))), [
      'message:No secrets match “no-such-thing-anywhere”',
    ]);
    m.setFilter('');
    assert.equal(m.filter, undefined);
    assert.ok((await m.getChildren(await service(m, 'demo', 'us-east-1', 'secretsmanager'))).length > 2);
  });

  it('shows Parameter Store paths as folders, and parameters with their type', async () => {
    const m = model();
    const ssm = await service(m, 'demo', 'us-east-1', 'ssm');
    const top = await m.getChildren(ssm);
    assert.ok(labels(top).includes('folder:app'));
    assert.ok(labels(top).includes('folder:shared'));
    const app = top.find((n) => n.type === 'folder' && n.label === 'app');
    assert.ok(app);
    const prod = (await m.getChildren(app)).find((n) => n.type === 'folder' && n.label === 'prod');
    assert.ok(prod);
    const payments = (await m.getChildren(prod)).find((n) => n.type === 'folder' && n.label === 'payments');
    assert.ok(payments);
    const password = (await m.getChildren(payments)).find((n) => n.type === 'parameter' && n.label === 'db-password');
    assert.ok(password && password.type === 'parameter');
    assert.equal(password.parameter.type, 'SecureString');
  });

  it('expands secrets to versions with staging labels, and parameters to their history', async () => {
    const m = model();
    const sm = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    const seeded = DEMO_SEED['us-east-1'].secrets.find((s) => s.versions.length >= 3 && !s.deletion);
    assert.ok(seeded, 'the demo seed has a secret with 3+ versions');
    await m.getChildren(sm);
    let node: ExplorerNode | undefined;
    let level = await m.getChildren(sm);
    for (const part of seeded.name.split('/')) {
      node = level.find((n) => (n.type === 'folder' || n.type === 'secret') && n.label === part);
      assert.ok(node, `found ${part}`);
      level = await m.getChildren(node);
    }
    const versions = level.filter((n) => n.type === 'secretVersion');
    assert.equal(versions.length, seeded.versions.length);
    const stages = versions.flatMap((v) => (v.type === 'secretVersion' ? v.version.stages : []));
    assert.ok(stages.includes('AWSCURRENT'));
    assert.ok(stages.includes('AWSPREVIOUS'));

    const param = DEMO_SEED['us-east-1'].parameters.find((p) => p.versions.length >= 3);
    assert.ok(param);
    const ssm = await service(m, 'demo', 'us-east-1', 'ssm');
    level = await m.getChildren(ssm);
    for (const part of param.name.replace(/^\//, '').split('/')) {
      node = level.find((n) => (n.type === 'folder' || n.type === 'parameter') && n.label === part);
      assert.ok(node, `found ${part}`);
      level = await m.getChildren(node);
    }
    assert.deepEqual(
      level.map((n) => (n.type === 'parameterVersion' ? n.version.version : 0)),
      param.versions.map((_, i) => param.versions.length - i),
    );
    assert.ok(level[0].type === 'parameterVersion' && level[0].current);
  });

  it('shows an error item in the region that fails while the other region lists, and retries', async () => {
    emulator.addFault({ region: 'eu-west-1', service: 'secretsmanager', kind: 'accessDenied' });
    const m = model();
    const denied = await service(m, 'demo', 'eu-west-1', 'secretsmanager');
    const errorItems = await m.getChildren(denied);
    assert.deepEqual(labels(errorItems), ['error:accessDenied']);
    assert.ok(errorItems[0].type === 'error');
    assert.match(errorItems[0].message, /Access denied to secretsmanager:ListSecrets in eu-west-1 for profile demo/);
    assert.ok((await m.getChildren(await service(m, 'demo', 'us-east-1', 'secretsmanager'))).some((n) => n.type === 'folder'));
    assert.ok((await m.getChildren(await service(m, 'demo', 'eu-west-1', 'ssm'))).some((n) => n.type === 'folder'));

    emulator.clearFaults();
    await m.refresh(errorItems[0]);
    assert.ok((await m.getChildren(denied)).some((n) => n.type === 'folder'));
  });

  it('keeps loaded items when a later page fails, and loads it on retry', async () => {
    const m = model(settings({ pageSize: 10 }));
    const sm = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    const first = await m.getChildren(sm);
    const more = first.find((n) => n.type === 'loadMore');
    assert.ok(more && more.type === 'loadMore');
    emulator.addFault({ service: 'secretsmanager', operation: 'ListSecrets', kind: 'serverError' });
    await m.loadMore(more);
    const afterFailure = await m.getChildren(sm);
    assert.ok(afterFailure.some((n) => n.type === 'error'));
    assert.ok(afterFailure.some((n) => n.type === 'loadMore' && n.loaded === 10));
    emulator.clearFaults();
    await m.loadMore(more);
    const recovered = await m.getChildren(sm);
    assert.ok(!recovered.some((n) => n.type === 'error'));
    assert.ok(recovered.some((n) => n.type === 'loadMore' && n.loaded === 20));
  });

  it('returns the same node object for the same item across calls (so the view can refresh one element)', async () => {
    const m = model();
    const a = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    const b = await service(m, 'demo', 'us-east-1', 'secretsmanager');
    assert.equal(a, b);
    const events: (ExplorerNode | undefined)[] = [];
    m.onDidChange((n) => events.push(n));
    await m.refresh(a);
    assert.deepEqual(events, [a]);
  });
});
