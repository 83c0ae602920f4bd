// The CLI as users run it: the bundled file, real files, exit codes, formats,
// baselines, and no secret in any output.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli } from '../../harness/cliBundle';
import { fake, REPO_ROOT } from './helpers';

let work: string;
let cli: string;
const secrets = {
  github: fake.github(),
  awsKeyId: fake.awsKeyId(),
  awsSecret: fake.awsSecret(),
  password: fake.password(),
  dbPassword: fake.password(61),
};

function run(args: string[], cwd = work): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoSecret(output: string): void {
  for (const [name, secret] of Object.entries(secrets)) {
    assert.ok(!output.includes(secret), `output contains the ${name}`);
    assert.ok(!output.includes(secret.slice(0, 10)), `output contains the start of the ${name}`);
  }
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-cli-'));
  cli = await buildCli(path.join(work, 'cli.js'));
  const project = path.join(work, 'project');
  const files: Record<string, string> = {
    'app.py': `import os\nGITHUB_TOKEN = "${secrets.github}"\nAWS_KEY_ID = "${secrets.awsKeyId}"\nAWS_SECRET = "${secrets.awsSecret}"\n`,
    'config/settings.yaml': `db:\n  password: ${secrets.password}\n`,
    'clean.ts': 'export const answer = 42;\n',
    '.env': `DATABASE_URL=postgres://app:${secrets.dbPassword}@db/app\n`,
    'ignored/secret.ts': `const t = "${secrets.github}";\n`,
    '.gitignore': 'ignored/\n',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), content);
  }
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('aws-secrets-lens CLI', () => {
  it('keeps the shebang in the bundle', () => {
    assert.match(readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('text: one line per finding with masked secrets, a summary, exit 1', () => {
    const result = run(['scan', 'project']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^project\/app\.py:2:17 {2}error {3}Hard-coded GitHub token assigned to GITHUB_TOKEN: ghp_…\(40 chars\) {2}github-token$/m);
    assert.match(result.stdout, /5 secrets found in 3 files \(5 files scanned\)\./);
    assert.ok(!result.stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
    assertNoSecret(result.stdout + result.stderr);
  });

  it('json: the documented shape with 1-based positions and relative paths', () => {
    const result = run(['scan', '--format', 'json', 'project']);
    assert.equal(result.status, 1);
    const { findings } = JSON.parse(result.stdout);
    const column = 'DATABASE_URL=postgres://app:'.length + 1;
    assert.deepEqual(findings[0], {
      file: 'project/.env',
      line: 1,
      column,
      endLine: 1,
      endColumn: column + secrets.dbPassword.length,
      ruleId: 'url-credentials',
      severity: 'error',
      // A value under 16 characters shows neither its start nor its length.
      message: 'Hard-coded password in URL assigned to DATABASE_URL: …(hidden)',
    });
    assert.deepEqual(
      findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`),
      [
        'project/.env url-credentials',
        'project/app.py github-token',
        'project/app.py aws-access-key-id',
        'project/app.py aws-secret-access-key',
        'project/config/settings.yaml password-assignment',
      ],
    );
    assertNoSecret(result.stdout);
  });

  it('sarif: a 2.1.0 log GitHub code scanning accepts', () => {
    const result = run(['scan', '--format=sarif', 'project']);
    assert.equal(result.status, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run0] = sarif.runs;
    assert.equal(run0.tool.driver.name, 'aws-secrets-lens');
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const r of run0.results) {
      assert.equal(ruleIds[r.ruleIndex], r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level));
      const location = r.locations[0].physicalLocation;
      assert.match(location.artifactLocation.uri, /^project\//);
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      assert.match(r.partialFingerprints['secretFingerprint/v2'], /^[0-9a-f]{64}$/);
    }
    for (const rule of run0.tool.driver.rules) assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
    assertNoSecret(result.stdout);
  });

  it('exit 0 and a clean summary when nothing is found', () => {
    const result = run(['scan', 'project/clean.ts']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /No secrets found \(1 file scanned\)\./);
  });

  it('--write-baseline accepts current findings; --baseline then reports only new ones', () => {
    const baseline = path.join(work, 'baseline.json');
    const written = run(['scan', '--write-baseline', baseline, 'project']);
    assert.equal(written.status, 0);
    assert.match(written.stderr, /wrote 5 fingerprints/);
    const text = readFileSync(baseline, 'utf8');
    assertNoSecret(text);
    assert.equal(JSON.parse(text).fingerprints.length, 5);
    assert.equal(run(['scan', '--baseline', baseline, 'project']).status, 0);

    writeFileSync(path.join(work, 'project/new.py'), `token = "${fake.github(77)}"\n`);
    try {
      const result = run(['scan', '--baseline', baseline, '--format', 'json', 'project']);
      assert.equal(result.status, 1);
      assert.deepEqual(
        JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file),
        ['project/new.py'],
      );
    } finally {
      rmSync(path.join(work, 'project/new.py'));
    }
  });

  it('--exclude and --no-gitignore change what is scanned', () => {
    const json = (args: string[]) => JSON.parse(run(['scan', '--format', 'json', ...args]).stdout).findings.map((f: { file: string }) => f.file);
    assert.deepEqual([...new Set(json(['--exclude', '*.py', '--exclude', 'config', 'project']))], ['project/.env']);
    assert.ok(json(['--no-gitignore', 'project']).includes('project/ignored/secret.ts'));
  });

  it('exit 2 with a clear message on usage and read errors', () => {
    const cases: [string[], RegExp][] = [
      [['scan', '--format', 'xml'], /unknown format "xml"/],
      [['scan', '--bogus'], /unknown option --bogus/],
      [['lint'], /unknown command "lint"/],
      [[], /missing command/],
      [['scan', '--baseline'], /--baseline needs a value/],
      [['scan', '--baseline', 'nope.json', 'project'], /cannot read baseline nope\.json: no such file or directory/],
      [['scan', 'does-not-exist'], /cannot read does-not-exist: no such file or directory/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    writeFileSync(path.join(work, 'bad-baseline.json'), '{"version": 1, "fingerprints": "x"}');
    const bad = run(['scan', '--baseline', 'bad-baseline.json', 'project']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad-baseline\.json is not a baseline file: "fingerprints" must be an array/);
  });

  it('--migrate-baseline converts a version 1 baseline, keeping exactly what it accepted', () => {
    // A version 1 baseline (an older release wrote it): SHA-256 of path, rule and value.
    const v1 = (file: string, rule: string, secret: string) =>
      createHash('sha256').update(`aws-secrets-lens/1\u0000${file}\u0000${rule}\u0000${secret}`).digest('hex');
    const old = path.join(work, 'old-baseline.json');
    const stale = 'f'.repeat(64);
    writeFileSync(old, JSON.stringify({ version: 1, fingerprints: [v1('project/app.py', 'github-token', secrets.github), stale] }));

    const used = run(['scan', '--baseline', old, '--format', 'json', 'project']);
    assert.equal(used.status, 1);
    assert.match(
      used.stderr,
      /old-baseline\.json holds 2 version 1 fingerprints: hashes of the secrets themselves.*They still work\. Convert them with: aws-secrets-lens scan --migrate-baseline /,
    );
    assert.ok(!JSON.parse(used.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'github-token'), 'still accepted');

    const migrated = run(['scan', '--migrate-baseline', old, 'project']);
    assert.equal(migrated.status, 0);
    assert.match(migrated.stderr, /converted 1 version 1 fingerprint in .*old-baseline\.json; 1 matched no current finding and was kept as they are/);
    const written = JSON.parse(readFileSync(old, 'utf8'));
    assert.equal(written.version, 2);
    assert.equal(written.fingerprints.length, 1);
    assert.deepEqual(written.legacy, [stale]);
    const after = run(['scan', '--baseline', old, '--format', 'json', 'project']);
    assert.deepEqual(
      JSON.parse(after.stdout)
        .findings.map((f: { ruleId: string }) => f.ruleId)
        .sort(),
      ['aws-access-key-id', 'aws-secret-access-key', 'password-assignment', 'url-credentials'],
    );
    assertNoSecret(readFileSync(old, 'utf8') + migrated.stderr);
  });

  it('--help and --version', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: aws-secrets-lens scan \[options\] \[PATH\.\.\.\]/);
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
});
