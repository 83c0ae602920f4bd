// The hooks of .pre-commit-hooks.yaml run by the real pre-commit tool (Debian's 3.0.4 in CI):
// `pre-commit try-repo` installs this repository as a `language: node` hook the way a user's
// `pre-commit install` would (npm install, npm pack, npm install -g of the tarball) and runs it in
// a temporary repository. pre-commit is required: CI installs it (.ci/run), and a missing one fails.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';
import { TempRepo } from '../unit/cli/gitRepo';
import { fake } from '../unit/detect/helpers';

let work: string;
let hookRepo: string;
let repo: TempRepo;
let env: NodeJS.ProcessEnv;

/**
 * This repository as committed, plus any uncommitted changes committed on top in a temporary
 * clone (what try-repo would do itself, but once: every run below then reuses one hook environment).
 */
function snapshotOfThisRepository(into: string): string {
  execFileSync('git', ['clone', '-q', '--no-hardlinks', REPO_ROOT, into]);
  const list = (args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  // Staged or not, against the commit: what the work tree holds that HEAD does not.
  const changed = [...list(['diff', '-z', '--name-only', '--no-renames', 'HEAD']), ...list(['ls-files', '-z', '--others', '--exclude-standard'])];
  for (const file of changed) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from)) {
      rmSync(path.join(into, file), { force: true });
      continue;
    }
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    cpSync(from, path.join(into, file));
  }
  const snapshotEnv = { ...repo.env };
  execFileSync('git', ['add', '-A'], { cwd: into, env: snapshotEnv });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'snapshot for the pre-commit test'], { cwd: into, env: snapshotEnv });
  return into;
}

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-pre-commit-'));
  repo = new TempRepo('asl-pre-commit-repo-');
  hookRepo = snapshotOfThisRepository(path.join(work, 'hook-repo'));
  const npmCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  env = {
    ...repo.env,
    PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'),
    // The test's HOME is a temporary folder (for git); npm keeps using the machine's cache, which
    // `npm ci` filled, so installing the hook's development packages does not download them again.
    npm_config_cache: npmCache,
    npm_config_prefer_offline: 'true',
    SKIP: '',
  };
});
after(() => {
  repo.dispose();
  rmSync(work, { recursive: true, force: true });
});

function preCommit(...args: string[]) {
  const started = Date.now();
  const result = spawnSync('pre-commit', args, { cwd: repo.dir, env, encoding: 'utf8' });
  assert.ok(!result.error, `pre-commit could not be run (${result.error?.message}): install it, e.g. apt-get install pre-commit`);
  process.stdout.write(`# pre-commit ${args[0]}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { status: result.status, output: result.stdout + result.stderr };
}

/** try-repo installs the hook afresh each time (its store is a temporary folder): the slow part of this file. */
function tryRepo(hookId: string) {
  return preCommit('try-repo', hookRepo, hookId, '--verbose');
}

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  it('aws-secrets-lens blocks a commit that stages a secret, saying how to fix, ignore or skip it', () => {
    repo.commit('start', { 'README.md': '# app\n' });
    repo.write('app.py', `GITHUB_TOKEN = "${fake.github(41)}"\n`);
    repo.git('add', 'app.py');
    const result = tryRepo('aws-secrets-lens');
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /app\.py:1:\d+ +error +Hard-coded GitHub token/);
    assert.match(result.output, /commit blocked/);
    assert.match(result.output, /SKIP=aws-secrets-lens git commit/);
    assert.match(result.output, /aws-secrets-lens:ignore/);
    assert.ok(!result.output.includes(fake.github(41)), 'the secret is not printed');
    repo.git('reset', '-q', 'app.py');
  });

  it('aws-secrets-lens passes a clean change', () => {
    repo.write('app.py', 'import os\nGITHUB_TOKEN = os.environ["GITHUB_TOKEN"]\n');
    repo.git('add', 'app.py');
    const result = tryRepo('aws-secrets-lens');
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /hard-coded secrets \(aws-secrets-lens\)\.+Passed/);
    repo.git('commit', '-q', '-m', 'clean');
  });

  it('aws-secrets-lens-pre-push blocks a push whose commits added a secret, even one removed since', () => {
    // `pre-commit run` from a config, as a project uses the hook; its store (PRE_COMMIT_HOME) keeps
    // the environment between the two runs (try-repo would install it again for each).
    const config = path.join(work, 'pre-commit-config.yaml');
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, encoding: 'utf8' }).trim();
    writeFileSync(config, `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: aws-secrets-lens-pre-push\n`);
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.commit('leak', { 'deploy.sh': `export GITHUB_TOKEN=${fake.github(42)}\n` });
    repo.git('rm', '-q', 'deploy.sh');
    const head = repo.commit('remove the leak');
    const push = (from: string) => preCommit('run', '--config', config, '--hook-stage', 'push', '--from-ref', from, '--to-ref', head);
    const result = push(base);
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /deploy\.sh:1:\d+ +error/);
    assert.match(result.output, /push blocked/);
    assert.match(result.output, /SKIP=aws-secrets-lens-pre-push git push/);
    const clean = push(head);
    assert.equal(clean.status, 0, clean.output);
  });

  it('.pre-commit-hooks.yaml is a valid manifest for this pre-commit', () => {
    const result = preCommit('validate-manifest', path.join(REPO_ROOT, '.pre-commit-hooks.yaml'));
    assert.equal(result.status, 0, result.output);
  });
});
