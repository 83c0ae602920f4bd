/**
 * Tests of the bundled emulator itself, not of AWS behaviour: the demo seed
 * (asserted against DEMO_SEED, not hard-coded), the simulated rotation, the
 * /_emulator control endpoints, bulk seeding, the CLI and prompt shutdown.
 * These always start their own emulator, whatever TEST_AWS_ENDPOINT says.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { ListAliasesCommand, KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import {
  CancelRotateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, GetParameterHistoryCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DEMO_COUNTS, DEMO_REGIONS, DEMO_ROTATION_LAMBDA_ARN, DEMO_SEED, EMULATOR_CREDENTIALS, type RunningEmulator, startEmulator } from '../emulator/index';
import { errorOf } from './endpoint';

const DAY = 24 * 60 * 60 * 1000;

function config(emulator: RunningEmulator, region = 'us-east-1', maxAttempts?: number) {
  return { endpoint: emulator.endpoint, region, credentials: { ...EMULATOR_CREDENTIALS }, ...(maxAttempts ? { maxAttempts } : {}) };
}

async function allSecretNames(client: SecretsManagerClient, includePlannedDeletion = false, filter?: string): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListSecretsCommand({
        MaxResults: 100,
        NextToken: token,
        IncludePlannedDeletion: includePlannedDeletion,
        Filters: filter ? [{ Key: 'name', Values: [filter] }] : undefined,
      }),
    );
    names.push(...(page.SecretList ?? []).map((secret) => secret.Name!));
    token = page.NextToken;
  } while (token);
  return names.sort();
}

async function allParameterNames(client: SSMClient): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new DescribeParametersCommand({ MaxResults: 50, NextToken: token }));
    names.push(...(page.Parameters ?? []).map((parameter) => parameter.Name!));
    token = page.NextToken;
  } while (token);
  return names.sort();
}

describe('bundled emulator', () => {
  let emulator: RunningEmulator;
  const clients: Array<{ destroy(): void }> = [];
  const sm = (region?: string, maxAttempts?: number) => {
    const client = new SecretsManagerClient(config(emulator, region, maxAttempts));
    clients.push(client);
    return client;
  };
  const ssm = (region?: string) => {
    const client = new SSMClient(config(emulator, region));
    clients.push(client);
    return client;
  };

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
  });

  after(async () => {
    for (const client of clients) client.destroy();
    await emulator.close();
  });

  describe('demo seed', () => {
    for (const region of DEMO_REGIONS) {
      it(`${region}: lists exactly the seeded secrets, parameters, aliases and functions`, async () => {
        const seed = DEMO_SEED[region];
        const active = seed.secrets
          .filter((secret) => !secret.deletion)
          .map((secret) => secret.name)
          .sort();
        assert.deepEqual(await allSecretNames(sm(region)), active);
        assert.equal(active.length, DEMO_COUNTS[region].activeSecrets);
        assert.equal((await allSecretNames(sm(region), true)).length, DEMO_COUNTS[region].secrets);
        assert.deepEqual(await allParameterNames(ssm(region)), seed.parameters.map((parameter) => parameter.name).sort());

        const kms = new KMSClient(config(emulator, region));
        clients.push(kms);
        const aliases = (await kms.send(new ListAliasesCommand({}))).Aliases?.map((alias) => alias.AliasName).sort();
        assert.deepEqual(aliases, [...seed.kmsAliases, 'alias/aws/secretsmanager', 'alias/aws/ssm'].sort());
        assert.equal(aliases?.length, DEMO_COUNTS[region].kmsAliases);

        const lambda = new LambdaClient(config(emulator, region));
        clients.push(lambda);
        const functions: string[] = [];
        let marker: string | undefined;
        do {
          const page = await lambda.send(new ListFunctionsCommand({ MaxItems: 1, Marker: marker }));
          functions.push(...(page.Functions ?? []).map((fn) => fn.FunctionName!));
          marker = page.NextMarker;
        } while (marker);
        assert.deepEqual(functions.sort(), seed.functions.map((fn) => fn.name).sort());
      });
    }

    it('has the rotation, deletion, binary, multi-version and Advanced-tier examples the UI shows', async () => {
      const seed = DEMO_SEED['us-east-1'];
      const rotating = seed.secrets.find((secret) => secret.rotation)!;
      const described = await sm().send(new DescribeSecretCommand({ SecretId: rotating.name }));
      assert.equal(described.RotationEnabled, true);
      assert.equal(described.RotationLambdaARN, DEMO_ROTATION_LAMBDA_ARN);
      assert.equal(described.RotationRules?.AutomaticallyAfterDays, rotating.rotation!.automaticallyAfterDays);
      assert.ok(described.LastRotatedDate! < new Date());
      assert.ok(described.NextRotationDate! > new Date());
      assert.ok(described.KmsKeyId?.startsWith('alias/'));

      const deleted = seed.secrets.find((secret) => secret.deletion)!;
      assert.ok((await sm().send(new DescribeSecretCommand({ SecretId: deleted.name }))).DeletedDate instanceof Date);
      assert.ok((await errorOf(() => sm().send(new GetSecretValueCommand({ SecretId: deleted.name })))) instanceof InvalidRequestException);

      const binary = seed.secrets.find((secret) => typeof secret.versions[0]!.value !== 'string')!;
      assert.ok((await sm().send(new GetSecretValueCommand({ SecretId: binary.name }))).SecretBinary!.length > 0);

      const multi = seed.secrets.filter((secret) => secret.versions.length >= 3);
      assert.ok(multi.length >= 2);
      for (const secret of multi) {
        const versions = await sm().send(new ListSecretVersionIdsCommand({ SecretId: secret.name, IncludeDeprecated: true }));
        assert.equal(versions.Versions?.length, secret.versions.length);
      }
      assert.ok(
        seed.secrets.some((secret) => secret.versions.some((version) => version.stages.some((stage) => !stage.startsWith('AWS')))),
        'a custom staging label',
      );

      const advanced = seed.parameters.find((parameter) => parameter.tier === 'Advanced')!;
      assert.ok(advanced.versions[0]!.value.length > 4096);
      const labelled = seed.parameters.find((parameter) => parameter.versions.length >= 3 && parameter.versions.some((version) => version.labels?.length))!;
      const history = await ssm().send(new GetParameterHistoryCommand({ Name: labelled.name }));
      assert.deepEqual(
        history.Parameters?.map((version) => version.Labels ?? []),
        labelled.versions.map((version) => version.labels ?? []),
      );
      assert.deepEqual(new Set(seed.parameters.map((parameter) => parameter.type)), new Set(['String', 'StringList', 'SecureString']));
    });

    it('is deterministic: ARNs, version ids and values are the same in every instance', async () => {
      const other = await startEmulator({ seed: 'demo' });
      const otherClient = new SecretsManagerClient(config(other));
      try {
        for (const name of ['prod/payments/db', 'shared/github/deploy-token']) {
          const a = await sm().send(new GetSecretValueCommand({ SecretId: name }));
          const b = await otherClient.send(new GetSecretValueCommand({ SecretId: name }));
          assert.deepEqual([a.ARN, a.VersionId, a.SecretString, a.CreatedDate], [b.ARN, b.VersionId, b.SecretString, b.CreatedDate]);
        }
      } finally {
        otherClient.destroy();
        await other.close();
      }
    });
  });

  describe('simulated rotation', () => {
    it('RotateSecret on a configured secret promotes a new version and keeps the JSON keys', async () => {
      const name = 'prod/payments/db';
      const before = JSON.parse((await sm().send(new GetSecretValueCommand({ SecretId: name }))).SecretString!) as Record<string, unknown>;
      const oldCurrent = (await sm().send(new GetSecretValueCommand({ SecretId: name }))).VersionId;
      const started = Date.now();
      const rotated = await sm().send(new RotateSecretCommand({ SecretId: name }));

      const current = await sm().send(new GetSecretValueCommand({ SecretId: name }));
      assert.equal(current.VersionId, rotated.VersionId);
      assert.deepEqual(current.VersionStages, ['AWSCURRENT']);
      const after = JSON.parse(current.SecretString!) as Record<string, unknown>;
      assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
      assert.notEqual(after['password'], before['password']);
      for (const key of ['username', 'host', 'port', 'dbname', 'engine']) assert.equal(after[key], before[key], key);
      assert.equal((await sm().send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPREVIOUS' }))).VersionId, oldCurrent);

      const described = await sm().send(new DescribeSecretCommand({ SecretId: name }));
      assert.ok(described.LastRotatedDate!.getTime() >= started - 1000);
      const nextIn = described.NextRotationDate!.getTime() - described.LastRotatedDate!.getTime();
      assert.ok(Math.abs(nextIn - 30 * DAY) < 1000, 'next rotation 30 days after the last');
      assert.ok(!Object.values(described.VersionIdsToStages ?? {}).some((labels) => labels.includes('AWSPENDING')), 'AWSPENDING cleared');
    });

    it('RotateSecret with a Lambda and a schedule enables rotation; RotateImmediately=false creates no version', async () => {
      const name = 'prod/orders/redis-auth';
      const lambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api';
      const before = await sm().send(new GetSecretValueCommand({ SecretId: name }));
      await sm().send(
        new RotateSecretCommand({
          SecretId: name,
          RotationLambdaARN: lambdaArn,
          RotationRules: { ScheduleExpression: 'rate(10 days)' },
          RotateImmediately: false,
        }),
      );
      let described = await sm().send(new DescribeSecretCommand({ SecretId: name }));
      assert.equal(described.RotationEnabled, true);
      assert.equal(described.RotationLambdaARN, lambdaArn);
      assert.equal(described.RotationRules?.ScheduleExpression, 'rate(10 days)');
      assert.equal((await sm().send(new GetSecretValueCommand({ SecretId: name }))).VersionId, before.VersionId);

      await sm().send(new RotateSecretCommand({ SecretId: name }));
      const after = await sm().send(new GetSecretValueCommand({ SecretId: name }));
      assert.notEqual(after.VersionId, before.VersionId);
      assert.notEqual(after.SecretString, before.SecretString);
      assert.equal(after.SecretString?.length, 32);

      const cancelled = await sm().send(new CancelRotateSecretCommand({ SecretId: name }));
      assert.equal(cancelled.Name, name);
      described = await sm().send(new DescribeSecretCommand({ SecretId: name }));
      assert.equal(described.RotationEnabled, false);
      assert.equal(described.NextRotationDate, undefined);
      assert.equal(described.RotationLambdaARN, lambdaArn, 'the previous configuration stays visible');
    });
  });

  describe('control endpoints', () => {
    it('reports health and per-operation request counts', async () => {
      const health = (await (await fetch(`${emulator.endpoint}/_emulator/health`)).json()) as { status: string; regions: string[] };
      assert.equal(health.status, 'ok');
      assert.ok(health.regions.includes('eu-west-1'));
      const before = emulator.stats()['secretsmanager.DescribeSecret'] ?? 0;
      await sm().send(new DescribeSecretCommand({ SecretId: 'shared/docker-hub' }));
      assert.equal(emulator.stats()['secretsmanager.DescribeSecret'], before + 1);
    });

    it('answers unknown operations with UnknownOperationException', async () => {
      const response = await fetch(emulator.endpoint, {
        method: 'POST',
        headers: { 'x-amz-target': 'secretsmanager.FlyToTheMoon', 'content-type': 'application/x-amz-json-1.1' },
        body: '{}',
      });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('x-amzn-errortype'), 'UnknownOperationException');
      const body = (await response.json()) as { __type: string; Message: string };
      assert.equal(body.__type, 'UnknownOperationException');
      assert.match(body.Message, /FlyToTheMoon/);
    });

    it('bulk-seeds ten thousand secrets and parameters quickly, then pages through them', async () => {
      const response = await fetch(`${emulator.endpoint}/_emulator/seed`, {
        method: 'POST',
        body: JSON.stringify({ bulk: { region: 'eu-west-1', secrets: 10_000, parameters: 10_000, prefix: 'bulk/' } }),
      });
      const result = (await response.json()) as { created: { secrets: number; parameters: number }; ms: number };
      assert.deepEqual(result.created, { secrets: 10_000, parameters: 10_000 });
      assert.ok(result.ms < 5_000, `bulk seed took ${result.ms} ms`);
      assert.equal((await allSecretNames(sm('eu-west-1'), false, 'bulk/')).length, 10_000);
      const page = await ssm('eu-west-1').send(new DescribeParametersCommand({ MaxResults: 50, ParameterFilters: [{ Key: 'Path', Values: ['/bulk'] }] }));
      assert.equal(page.Parameters?.length, 50);
      assert.ok(page.NextToken);
    });

    it('reset restores the seed and clears faults and counters', async () => {
      emulator.addFault({ kind: 'serverError' });
      await errorOf(() => sm(undefined, 1).send(new ListSecretsCommand({})));
      const reset = await fetch(`${emulator.endpoint}/_emulator/reset`, { method: 'POST' });
      assert.equal(reset.status, 200);
      assert.deepEqual(emulator.stats(), {});
      assert.equal((await allSecretNames(sm('eu-west-1'))).length, DEMO_COUNTS['eu-west-1'].activeSecrets, 'bulk data gone');
      const rotated = await sm().send(new ListSecretVersionIdsCommand({ SecretId: 'prod/payments/db', IncludeDeprecated: true }));
      assert.equal(rotated.Versions?.length, DEMO_SEED['us-east-1'].secrets.find((secret) => secret.name === 'prod/payments/db')!.versions.length);
      emulator.reset();
    });

    it('closes promptly even with a delayed response pending', async () => {
      const short = await startEmulator({ seed: 'none' });
      short.addFault({ kind: 'latency', latencyMs: 60_000 });
      const client = new SecretsManagerClient(config(short, 'us-east-1', 1));
      const pending = client.send(new ListSecretsCommand({})).then(
        () => 'answered',
        () => 'failed',
      );
      await waitFor(() => (short.stats()['secretsmanager.ListSecrets'] ?? 0) === 1);
      const started = Date.now();
      await short.close();
      assert.equal(await pending, 'failed');
      assert.ok(Date.now() - started < 2_000, `close took ${Date.now() - started} ms`);
      client.destroy();
    });
  });

  describe('CLI', () => {
    it('prints one JSON line with the endpoint, serves requests, and exits on SIGTERM', async () => {
      const main = path.join(__dirname, '..', 'emulator', 'main.ts');
      const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--seed', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error('emulator exited before printing its endpoint')));
      });
      const { endpoint } = JSON.parse(first) as { endpoint: string };
      assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${endpoint}/_emulator/health`);
      assert.equal(((await health.json()) as { seed: string }).seed, 'none');
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    });
  });
});

/** Polls a condition (for state another party changes), failing after a bound. */
async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
