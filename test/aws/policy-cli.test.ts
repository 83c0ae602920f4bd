/**
 * `aws-secrets-lens policy` as users run it: the bundled CLI on a project folder, a profile whose
 * endpoint_url points at the bundled emulator or TEST_AWS_ENDPOINT. The policy names exactly what
 * the code reads — full ARNs for what exists, the documented NAME-?????? wildcard and a note for
 * what does not — stdout is a valid policy and nothing else, and the exit status says what happened.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { buildCli, runCli, type CliRun } from '../harness/cliBundle';
import { identityPolicyProblems } from '../unit/policy/iamGrammar';
import { Cleanup, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('aws-secrets-lens policy', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let cleanup: Cleanup;
  let work: string;
  let cli: string;
  let project: string;
  let secretArn: string;
  let missing: string;
  let parameter: string;
  let account: string;

  const policy = (args: string[], cwd = work): Promise<CliRun> => runCli(cli, ['policy', ...args], { cwd, env: { PATH: process.env.PATH, ...fixture.env } });

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    cleanup = new Cleanup(endpoint);
    work = mkdtempSync(path.join(tmpdir(), 'asl-policy-cli-'));
    cli = await buildCli(path.join(work, 'cli.js'));
    const prefix = uniquePrefix('policy');
    const secret = cleanup.secret(`${prefix}/db`);
    missing = `${prefix}/not-created`;
    parameter = cleanup.parameter(`/${prefix}/url`);
    secretArn = (await endpoint.secretsManager().send(new CreateSecretCommand({ Name: secret, SecretString: 'x' }))).ARN!;
    await endpoint.ssm().send(new PutParameterCommand({ Name: parameter, Value: 'https://example.com', Type: 'String' }));
    account = /:(\d{12}):secret:/.exec(secretArn)![1]!;
    project = path.join(work, 'project');
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(
      path.join(project, 'src', 'app.py'),
      `import boto3\nsm = boto3.client("secretsmanager")\nDB = sm.get_secret_value(SecretId="${secret}")\nOTHER = sm.get_secret_value(SecretId="${missing}")\n`,
    );
    writeFileSync(path.join(project, 'src', 'url.ts'), `await ssm.send(new GetParameterCommand({ Name: '${parameter}' }));\n`);
    mkdirSync(path.join(work, 'empty'));
    writeFileSync(path.join(work, 'empty', 'README.md'), 'Nothing read from AWS here.\n');
  });
  after(async () => {
    await cleanup.run();
    await fixture.close();
    await endpoint.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints the smallest policy for what the code reads, and what it could not resolve on stderr', async () => {
    const result = await policy(['project', '--profile', PROFILE, '--region', endpoint.region]);
    assert.equal(result.status, 0, result.stderr);
    const document = JSON.parse(result.stdout) as { Statement: { Sid: string; Resource: string | string[] }[] };
    assert.deepEqual(identityPolicyProblems(document), []);
    const sids = Object.fromEntries(document.Statement.map((s) => [s.Sid, s.Resource]));
    const region = endpoint.region
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('');
    assert.deepEqual(sids[`ReadSecrets${region}`], [`arn:aws:secretsmanager:${endpoint.region}:${account}:secret:${missing}-??????`, secretArn].sort());
    assert.equal(sids[`ReadParameters${region}`], `arn:aws:ssm:${endpoint.region}:${account}:parameter${parameter}`);
    assert.match(result.stderr, new RegExp(`^# Note: ${missing.replace(/[/.]/g, '\\$&')} \\(${endpoint.region}\\): not found`, 'm'));
  });

  it('writes Terraform and CloudFormation with the notes as comments', async () => {
    const terraform = await policy(['project', '--profile', PROFILE, '--region', endpoint.region, '--format', 'terraform']);
    assert.equal(terraform.status, 0, terraform.stderr);
    assert.match(terraform.stdout, /^data "aws_iam_policy_document" "read_secrets" \{$/m);
    assert.match(terraform.stdout, /^# Note: .*not found/m);
    const cloudformation = await policy(['project', '--profile', PROFILE, '--region', endpoint.region, '--format', 'cloudformation']);
    assert.equal(cloudformation.status, 0, cloudformation.stderr);
    assert.match(cloudformation.stdout, /Type: "AWS::IAM::ManagedPolicy"/);
  });

  it('exits 1 when the code reads nothing by name, 2 on a bad option or profile', async () => {
    const empty = await policy(['empty', '--profile', PROFILE, '--region', endpoint.region]);
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /no secret or parameter is read by a literal name under empty/);
    assert.equal((await policy(['project', '--format', 'xml'])).status, 2);
    const unknown = await policy(['project', '--profile', 'nobody']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /profile nobody is not in/);
  });
});
