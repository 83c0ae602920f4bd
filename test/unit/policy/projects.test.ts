// The policy generator on fixture projects in several languages (test/fixtures/policy/*, each
// with the names its code reads in expected.json) and on the demo project, resolved through the
// real AWS layer against the bundled emulator: exactly the names the code reads, exact ARNs where
// the item exists, AWS's documented `-??????` wildcard where it does not, kms:Decrypt only for
// customer-managed keys and only through the reading service, what cannot be resolved listed —
// never a `*` resource — and JSON that is valid IAM policy grammar.
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createAwsRuntime } from '../../../src/aws/runtime';
import type { AwsRuntime } from '../../../src/aws/types';
import { findLookups } from '../../../src/detect/lookups';
import { buildPolicy, mergeTargets, noteLines, renderPolicy, resolveTargets, targetsInFile, type IamStatement, type PolicyTarget } from '../../../src/policy';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../emulator';
import { identityPolicyProblems } from './iamGrammar';

const FIXTURES = path.resolve(__dirname, '../../fixtures/policy');
const DEMO = path.resolve(__dirname, '../../../demo/workspace');
const silent = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir)) {
    const full = path.join(dir, entry);
    if ((await stat(full)).isDirectory()) out.push(...(await files(full)));
    else if (entry !== 'expected.json') out.push(full);
  }
  return out;
}

async function targetsOf(root: string): Promise<PolicyTarget[]> {
  const found: PolicyTarget[] = [];
  for (const file of await files(root))
    found.push(...targetsInFile(path.relative(root, file).split(path.sep).join('/'), await readFile(file, 'utf8'), findLookups));
  return mergeTargets(found);
}

const names = (targets: readonly PolicyTarget[], service: 'secretsmanager' | 'ssm') =>
  targets
    .filter((t) => t.service === service)
    .map((t) => t.name)
    .sort();
const resources = (statements: readonly IamStatement[]) => statements.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));

describe('policy from fixture projects', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let runtime: AwsRuntime;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    dir = await mkdtemp(path.join(tmpdir(), 'asl-policy-'));
    await writeFile(path.join(dir, 'config'), `[profile demo]\nregion = us-east-1\nendpoint_url = ${emulator.endpoint}\n`);
    await writeFile(
      path.join(dir, 'credentials'),
      `[demo]\naws_access_key_id = ${EMULATOR_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${EMULATOR_CREDENTIALS.secretAccessKey}\n`,
    );
    runtime = createAwsRuntime({
      logger: silent,
      env: { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), HOME: dir },
    });
  });
  after(async () => {
    runtime.dispose();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const project of ['python-api', 'node-worker', 'go-service', 'java-billing', 'shell-deploy']) {
    it(`${project}: finds exactly the names its code reads`, async () => {
      const expected = JSON.parse(await readFile(path.join(FIXTURES, project, 'expected.json'), 'utf8')) as { secrets: string[]; parameters: string[] };
      const targets = await targetsOf(path.join(FIXTURES, project));
      assert.deepEqual(names(targets, 'secretsmanager'), [...expected.secrets].sort());
      assert.deepEqual(names(targets, 'ssm'), [...expected.parameters].sort());
    });
  }

  it('resolves what exists to its ARN and key, and what does not to the documented wildcard with a note — never *', async () => {
    const config = { region: 'us-east-1', endpoint: emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } };
    const sm = new SecretsManagerClient(config);
    const ssm = new SSMClient(config);
    const created = await sm.send(new CreateSecretCommand({ Name: 'fixture/python/db', SecretString: 'x', KmsKeyId: 'alias/payments' }));
    await ssm.send(new PutParameterCommand({ Name: '/fixture/python/api-key', Value: 'z', Type: 'SecureString', KeyId: 'alias/app-config' }));
    sm.destroy();
    ssm.destroy();

    const targets = await targetsOf(path.join(FIXTURES, 'python-api'));
    const generated = buildPolicy(await resolveTargets(runtime, targets, { profile: 'demo', region: 'us-east-1' }));
    assert.ok(generated.policy);
    assert.deepEqual(identityPolicyProblems(JSON.parse(renderPolicy({ ...generated, policy: generated.policy }, 'json', 'python-api'))), []);
    const statements = generated.policy.Statement;
    assert.ok(!resources(statements).some((r) => r === '*' || r.endsWith(':*')), resources(statements).join(', '));
    const bySid = new Map(statements.map((s) => [s.Sid, s]));
    assert.deepEqual(
      bySid.get('ReadSecretsUsEast1')?.Resource,
      [created.ARN, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:fixture/python/smtp-??????'].sort(),
    );
    assert.deepEqual(bySid.get('ReadParametersUsEast1'), {
      Sid: 'ReadParametersUsEast1',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: [
        'arn:aws:ssm:us-east-1:123456789012:parameter/fixture/python/api-key',
        'arn:aws:ssm:us-east-1:123456789012:parameter/fixture/python/sentry-dsn',
      ],
    });
    // Customer-managed keys, each only through the service that reads with it (kms:ViaService).
    assert.deepEqual(bySid.get('DecryptSecretsUsEast1')?.Condition, { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } });
    assert.match(String(bySid.get('DecryptSecretsUsEast1')?.Resource), /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
    assert.deepEqual(bySid.get('DecryptParametersUsEast1')?.Condition, { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' } });
    assert.notEqual(bySid.get('DecryptParametersUsEast1')?.Resource, bySid.get('DecryptSecretsUsEast1')?.Resource);
    // What does not exist is named, and said so.
    const lines = noteLines(generated.notes);
    assert.ok(
      lines.some((l) => /^Note: fixture\/python\/smtp \(us-east-1\): not found/.test(l)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => /^Note: \/fixture\/python\/sentry-dsn \(us-east-1\): not found/.test(l)),
      lines.join('\n'),
    );
  });

  it('lists names it cannot place when the account is unknown, and builds no policy rather than guess', async () => {
    emulator.addFault({ service: 'sts', kind: 'accessDenied' });
    try {
      const targets = await targetsOf(path.join(FIXTURES, 'go-service'));
      const generated = buildPolicy(await resolveTargets(runtime, targets, { profile: 'demo', region: 'us-east-1' }));
      assert.equal(generated.policy, undefined);
      const lines = noteLines(generated.notes);
      assert.deepEqual(
        lines.map((l) => l.split(':')[1]?.trim().split(' ')[0]),
        ['fixture/go/db-password', '/fixture/go/endpoint'],
      );
      assert.ok(
        lines.every((l) => /^Not in the policy: .* the account is unknown \(access denied \(sts:GetCallerIdentity\)\)/.test(l)),
        lines.join('\n'),
      );
    } finally {
      emulator.clearFaults();
    }
  });

  it('keeps a name written as an ARN in its own Region and account, with the wildcard when it cannot be described', async () => {
    const targets = await targetsOf(path.join(FIXTURES, 'node-worker'));
    const generated = buildPolicy(await resolveTargets(runtime, targets, { profile: 'demo', region: 'us-east-1' }));
    assert.ok(generated.policy);
    assert.deepEqual(identityPolicyProblems(generated.policy), []);
    assert.deepEqual(generated.regions, ['eu-west-1', 'us-east-1']);
    const eu = generated.policy.Statement.find((s) => s.Sid === 'ReadSecretsEuWest1');
    assert.equal(eu?.Resource, 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:fixture/shared/token-??????');
  });

  it('the demo project: a policy naming exactly the secrets and parameters its code reads', async () => {
    const targets = await targetsOf(DEMO);
    assert.deepEqual(names(targets, 'secretsmanager'), [
      'prod/auth/jwt-signing-key',
      'prod/orders/db',
      'prod/partners/acme-bank-api-key',
      'prod/payments/db',
      'prod/payments/stripe-api-key',
      'shared/datadog-api-key',
    ]);
    assert.deepEqual(names(targets, 'ssm'), ['/app/prod/auth/session-secret', '/app/prod/orders/db-url', '/app/prod/payments/db-host']);
    const generated = buildPolicy(await resolveTargets(runtime, targets, { profile: 'demo', region: 'us-east-1' }));
    assert.ok(generated.policy);
    assert.deepEqual(identityPolicyProblems(generated.policy), []);
    const arns = resources(generated.policy.Statement.filter((s) => s.Sid.startsWith('Read')));
    assert.equal(arns.length, 9);
    assert.ok(arns.includes('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/partners/acme-bank-api-key-??????'));
    assert.ok(arns.filter((a) => a.includes(':secret:')).every((a) => /-([A-Za-z0-9]{6}|\?{6})$/.test(a)));
    assert.ok(!resources(generated.policy.Statement).includes('*'));
  });
});
