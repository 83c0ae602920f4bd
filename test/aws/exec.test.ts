/**
 * `aws-secrets-lens exec` as users run it: the bundled CLI, a profile whose `endpoint_url`
 * points at the bundled emulator or TEST_AWS_ENDPOINT, and real child processes. The command
 * sees the exact values, runs without a shell, gets our signals, and its exit status is ours;
 * an unresolvable reference stops everything before it starts, with exit status 2.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { buildCli, runCli, type CliRun } from '../harness/cliBundle';
import { Cleanup, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';

import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';
import { AWKWARD } from './values';

/** A program that prints its arguments and the variables it is asked about, as JSON. */
const PRINT =
  'process.stdout.write(JSON.stringify({ argv: process.argv.slice(1), env: Object.fromEntries(process.argv.slice(1).map((k) => [k, process.env[k]])) }))';

describe('aws-secrets-lens exec', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let cleanup: Cleanup;
  let work: string;
  let cli: string;
  let prefix: string;

  const envFile = (name: string, text: string) => {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  };
  /** Runs the CLI without blocking: the bundled emulator answers from this very process. */
  const exec = (args: string[]): Promise<CliRun> => runCli(cli, ['exec', ...args], { cwd: work, env: { PATH: process.env.PATH, ...fixture.env } });

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    cleanup = new Cleanup(endpoint);
    prefix = uniquePrefix('exec');
    work = mkdtempSync(path.join(tmpdir(), 'asl-exec-'));
    cli = await buildCli(path.join(work, 'cli.js'));
    await endpoint
      .secretsManager()
      .send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/db`), SecretString: JSON.stringify({ password: AWKWARD, user: 'app' }) }));
    await endpoint.ssm().send(new PutParameterCommand({ Name: cleanup.parameter(`/${prefix}/key`), Value: AWKWARD, Type: 'SecureString' }));
  });

  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await cleanup.run();
    await fixture.close();
    await endpoint.close();
  });

  it('runs the command with the exact values, the profile and region from the file’s header', async () => {
    const file = envFile(
      '.env.aws',
      [
        `# aws-secrets-lens: profile=${PROFILE} region=${endpoint.region}`,
        `DB_PASSWORD={{resolve:secretsmanager:${prefix}/db:SecretString:password}}`,
        `API_KEY={{resolve:ssm-secure:/${prefix}/key}}`,
        'PLAIN="a=b \'c\'"',
      ].join('\n'),
    );
    const result = await exec(['--env-file', file, '--', process.execPath, '-e', PRINT, 'DB_PASSWORD', 'API_KEY', 'PLAIN']);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout).env, { DB_PASSWORD: AWKWARD, API_KEY: AWKWARD, PLAIN: "a=b 'c'" });
  });

  it('takes --profile and --region, and .env.aws in the current folder by default', async () => {
    envFile('.env.aws', `PASSWORD={{resolve:secretsmanager:${prefix}/db::user}}`);
    const result = await exec(['--profile', PROFILE, '--region', endpoint.region, process.execPath, '-e', PRINT, 'PASSWORD']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).env, { PASSWORD: 'app' });
  });

  it('starts the command without a shell: its arguments reach it as they are', async () => {
    const file = envFile('plain.env', 'A=1\n');
    const marker = path.join(work, 'shell-ran');
    const tricky = ['$HOME', '`id`', `$(touch ${marker})`, '; echo no', '*', '&& exit 3', "'quoted'"];
    const result = await exec(['--env-file', file, '--', process.execPath, '-e', PRINT, ...tricky]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).argv, tricky);
    assert.equal(existsSync(marker), false);
  });

  it('exits with the command’s exit status', async () => {
    const file = envFile('plain.env', 'A=1\n');
    assert.equal((await exec(['--env-file', file, '--', process.execPath, '-e', 'process.exit(7)'])).status, 7);
    assert.equal((await exec(['--env-file', file, '--', process.execPath, '-e', ''])).status, 0);
  });

  it('127 when the command does not exist, 2 for a usage error', async () => {
    const file = envFile('plain.env', 'A=1\n');
    const missing = await exec(['--env-file', file, '--', 'no-such-command-asl']);
    assert.equal(missing.status, 127);
    assert.match(missing.stderr, /cannot run no-such-command-asl: command not found/);
    const usage = await exec(['--bogus']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /unknown option --bogus/);
    assert.equal((await exec(['--env-file', file])).status, 2);
  });

  it('stops before starting anything when a reference cannot be resolved: exit 2, the reference and its line named', async () => {
    const marker = path.join(work, 'started');
    const file = envFile(
      'broken.env',
      [
        `# aws-secrets-lens: profile=${PROFILE} region=${endpoint.region}`,
        `GOOD={{resolve:secretsmanager:${prefix}/db::password}}`,
        `BAD={{resolve:secretsmanager:${prefix}/db::pasword}}`,
        `GONE={{resolve:ssm-secure:/${prefix}/missing}}`,
      ].join('\n'),
    );
    const result = await exec(['--env-file', file, '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`]);
    assert.equal(result.status, 2);
    assert.equal(existsSync(marker), false, 'the command was not started');
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, new RegExp(`broken\\.env:3: BAD=\\{\\{resolve:secretsmanager:${prefix}/db::pasword\\}\\}: .*has no key “pasword”`));
    assert.match(lines[1]!, new RegExp(`broken\\.env:4: GONE=.*/${prefix}/missing was not found`));
    assert.ok(!result.stderr.includes(AWKWARD.slice(0, 6)), 'no value printed');
  });

  it('reports a malformed reference with its line before asking AWS anything', async () => {
    const file = envFile('malformed.env', 'A=1\nB={{resolve:ssm:/x:latest}}\n');
    const result = await exec(['--env-file', file, '--profile', 'not-a-profile', '--', process.execPath, '-e', '']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /malformed\.env:2: B=\{\{resolve:ssm:\/x:latest\}\}: The version must be a whole number/);
  });

  it('names a profile that is not in the config files', async () => {
    const file = envFile('p.env', `A={{resolve:ssm:/${prefix}/key}}`);
    const result = await exec(['--env-file', file, '--profile', 'not-a-profile', '--region', endpoint.region, '--', process.execPath, '-e', '']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /profile not-a-profile is not in .*config/);
  });

  it('passes signals on to the command and ends the way it ended', async () => {
    const file = envFile('plain.env', 'A=1\n');
    const program =
      "process.on('SIGTERM', () => { process.stdout.write('terminated'); process.exit(42); }); process.stdout.write('ready'); setInterval(() => {}, 1000);";
    const handled = await runUntilReady(['--env-file', file, '--', process.execPath, '-e', program], 'SIGTERM');
    assert.deepEqual([handled.code, handled.output], [42, 'readyterminated']);
    const unhandled = await runUntilReady(
      ['--env-file', file, '--', process.execPath, '-e', "process.stdout.write('ready'); setInterval(() => {}, 1000);"],
      'SIGINT',
    );
    assert.deepEqual([unhandled.code, unhandled.signal], [null, 'SIGINT']);
  });

  /** Starts exec, waits until the command says "ready", sends `signal` to exec (not to the command). */
  function runUntilReady(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'exec', ...args], {
        cwd: work,
        env: { PATH: process.env.PATH, ...fixture.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output === 'ready') child.kill(signal);
      });
      child.on('error', reject);
      child.on('exit', (code, sig) => resolve({ code, signal: sig, output }));
    });
  }
});
