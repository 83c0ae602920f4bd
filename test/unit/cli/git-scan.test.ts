// `aws-secrets-lens scan` in a git repository, run as users run it (the bundled CLI in a real
// temporary repository): --staged, --diff, --history, and a plain scan listing files with git.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import { buildCli } from '../../harness/cliBundle';
import { fake } from '../detect/helpers';
import { TempRepo } from './gitRepo';

let work: string;
let cli: string;
let repo: TempRepo;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-git-cli-'));
  cli = await buildCli(path.join(work, 'cli.js'));
});
after(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  repo = new TempRepo();
});
afterEach(() => repo.dispose());

function scan(...args: string[]) {
  return repo.run(process.execPath, [cli, 'scan', ...args]);
}

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
}

function findings(...args: string[]): JsonFinding[] {
  const result = scan('--format', 'json', ...args);
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

const token = (seed: number) => fake.github(seed);

describe('scan --staged', () => {
  it('reports the staged copy of a file, not the work tree, and only the lines it adds', () => {
    repo.commit('start', { 'app.py': `OLD_TOKEN = "${token(1)}"\n` });
    repo.write('app.py', `OLD_TOKEN = "${token(1)}"\nNEW_TOKEN = "${token(2)}"\n`);
    repo.git('add', 'app.py');
    // An unstaged change on top: not what the commit will hold.
    repo.write('app.py', `OLD_TOKEN = "${token(1)}"\nNEW_TOKEN = "${token(2)}"\nUNSTAGED_TOKEN = "${token(3)}"\n`);
    repo.write('untracked.py', `OTHER_TOKEN = "${token(4)}"\n`);
    const found = findings('--staged');
    assert.deepEqual(
      found.map((f) => [f.file, f.line]),
      [['app.py', 2]],
    );
    assert.equal(scan('--staged').status, 1);
  });

  it('finds nothing when only unstaged changes hold a secret', () => {
    repo.commit('start', { 'app.py': 'print(1)\n' });
    repo.write('app.py', `print(1)\nTOKEN = "${token(5)}"\n`);
    const result = scan('--staged');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No secrets found/);
  });

  it('works before the first commit, and honours ignore markers and exit-zero', () => {
    repo.write('a.py', `TOKEN = "${token(6)}"\nSAMPLE = "${token(7)}"  # aws-secrets-lens:ignore\n`);
    repo.git('add', 'a.py');
    assert.deepEqual(
      findings('--staged').map((f) => f.line),
      [1],
    );
    const zero = scan('--staged', '--exit-zero');
    assert.equal(zero.status, 0);
    assert.match(zero.stdout, /1 secret found/);
  });

  it('exits 2 with a clear message outside a git repository', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'asl-no-git-'));
    try {
      for (const option of [['--staged'], ['--diff', 'HEAD'], ['--history']]) {
        const result = repo.run(process.execPath, [cli, 'scan', ...option], outside);
        assert.equal(result.status, 2, option[0]);
        assert.match(result.stderr, new RegExp(`${option[0]} needs a git repository`));
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('scan --diff', () => {
  it('reports only the lines added since the ref', () => {
    const base = repo.commit('base', { 'config.yaml': `db:\n  password: ${fake.password(1)}\n`, 'old.py': `OLD_TOKEN = "${token(8)}"\n` });
    repo.commit('feature', {
      'config.yaml': `db:\n  password: ${fake.password(1)}\n  replica_password: ${fake.password(2)}\n`,
      'new.py': `NEW_TOKEN = "${token(9)}"\n`,
    });
    const expected = [
      ['config.yaml', 3],
      ['new.py', 1],
    ];
    assert.deepEqual(
      findings('--diff', base).map((f) => [f.file, f.line]),
      expected,
    );
    assert.deepEqual(
      findings('--diff', `${base}..HEAD`).map((f) => [f.file, f.line]),
      expected,
    );
    // Paths limit the diff.
    assert.deepEqual(
      findings('--diff', base, 'new.py').map((f) => f.file),
      ['new.py'],
    );
  });

  it('A...B: only what the branch added since it forked, not what the other branch did', () => {
    repo.commit('base', { 'a.py': 'print(1)\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'feature.py': `FEATURE_TOKEN = "${token(10)}"\n` });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'main.py': `MAIN_TOKEN = "${token(11)}"\n` });
    assert.deepEqual(
      findings('--diff', 'main...feature').map((f) => f.file),
      ['feature.py'],
    );
  });

  it('an unknown ref is an error that says so (exit 2)', () => {
    repo.commit('base', { 'a.py': 'print(1)\n' });
    const result = scan('--diff', 'no-such-branch');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /"no-such-branch" is not a commit in this repository/);
  });
});

describe('scan --history', () => {
  it('finds a secret committed and later deleted, with its commit, author and date in every format', () => {
    repo.commit('start', { 'README.md': '# app\n' });
    const leaked = repo.commit('add settings', { 'settings.py': `API_TOKEN = "${token(12)}"\n` });
    repo.git('rm', '-q', 'settings.py');
    repo.commit('remove settings');
    assert.equal(scan().status, 0, 'the work tree is clean');

    const [found, ...rest] = findings('--history');
    assert.equal(rest.length, 0);
    assert.equal(found.file, 'settings.py');
    assert.equal(found.commit, leaked);
    assert.equal(found.author, 'Ada Tester');
    assert.equal(found.email, 'ada@example.com');
    assert.match(found.date ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

    const text = scan('--history');
    assert.equal(text.status, 1);
    assert.match(text.stdout, new RegExp(`^settings\\.py:1:\\d+ .*\\n {4}added in ${leaked.slice(0, 12)} by Ada Tester <ada@example\\.com> on `, 'm'));

    const sarif = JSON.parse(scan('--history', '--format', 'sarif').stdout);
    const run = sarif.runs[0];
    assert.equal(run.versionControlProvenance[0].revisionId, repo.git('rev-parse', 'HEAD').trim());
    assert.equal(run.versionControlProvenance[0].branch, 'main');
    assert.equal(run.results[0].properties.commitSha, leaked);
    assert.equal(run.results[0].properties.author, 'Ada Tester');
    assert.ok(!JSON.stringify(sarif).includes(token(12)), 'the secret is not in the SARIF log');
  });

  it('the partial fingerprint does not depend on the commit: a plain scan and the history agree, so a baseline works for both', () => {
    repo.commit('add', { 'app.py': `API_TOKEN = "${token(13)}"\n` });
    const tree = JSON.parse(scan('--format', 'sarif').stdout).runs[0].results[0].partialFingerprints;
    repo.commit('unrelated', { 'b.txt': 'x\n' });
    const history = JSON.parse(scan('--history', '--format', 'sarif').stdout).runs[0].results[0].partialFingerprints;
    assert.deepEqual(history, tree);

    assert.equal(scan('--write-baseline', 'baseline.json').status, 0);
    const accepted = scan('--history', '--baseline', 'baseline.json');
    assert.equal(accepted.status, 0, accepted.stdout);
    assert.match(accepted.stdout, /1 accepted by the baseline/);
  });

  it('a file renamed in a commit is not reported twice, nor a secret copied to another file later', () => {
    const first = repo.commit('add', { 'src/config.py': `DB_TOKEN = "${token(14)}"\nname = "app"\n` });
    repo.git('mv', 'src/config.py', 'src/settings.py');
    repo.write('src/settings.py', `DB_TOKEN = "${token(14)}"\nname = "app2"\n`);
    repo.commit('rename and edit');
    repo.commit('copy', { 'other.py': `DB_TOKEN = "${token(14)}"\n` });
    const found = findings('--history');
    assert.deepEqual(
      found.map((f) => [f.file, f.commit]),
      [['src/config.py', first]],
    );
  });

  it('--since and --max-commits limit the commits', () => {
    const a = repo.commit('a', { 'a.py': `A_TOKEN = "${token(15)}"\n` });
    repo.commit('b', { 'b.py': `B_TOKEN = "${token(16)}"\n` });
    repo.commit('c', { 'c.py': `C_TOKEN = "${token(17)}"\n` });
    assert.deepEqual(
      findings('--history', '--since', a).map((f) => f.file),
      ['b.py', 'c.py'],
    );
    assert.deepEqual(
      findings('--history', '--max-commits', '1').map((f) => f.file),
      ['c.py'],
    );
    assert.equal(scan('--history', '--max-commits', 'ten').status, 2);
    assert.equal(scan('--since', a).status, 2, '--since needs --history');
  });

  it('a long history prints its progress on stderr, a line per tenth when stderr is not a terminal', () => {
    // 250 commits at once through git fast-import (git-fast-import(1)): one file added by each.
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    const stream = Array.from(
      { length: 250 },
      (_, i) =>
        `commit refs/heads/main\ncommitter Ada Tester <ada@example.com> ${1700000000 + i} +0000\n${data(`commit ${i}`)}` +
        `M 100644 inline f${i}.txt\n${data(`line ${i}\n`)}\n`,
    ).join('');
    const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, env: repo.env, input: stream, encoding: 'utf8' });
    assert.equal(imported.status, 0, imported.stderr);
    repo.git('reset', '-q', '--hard', 'main');
    const result = scan('--history');
    assert.equal(result.status, 0, result.stderr);
    const progress = result.stderr.split('\n').filter((line) => line.startsWith('aws-secrets-lens: scanned '));
    assert.equal(progress.length, 10);
    assert.equal(progress.at(-1), 'aws-secrets-lens: scanned 250/250 commits');
  });

  it('credentials in the remote URL never reach the SARIF log', () => {
    repo.commit('a', { 'a.py': `A_TOKEN = "${token(18)}"\n` });
    repo.git('remote', 'add', 'origin', 'https://someone:hunter2pass@git.example.com/team/app.git');
    const sarif = scan('--history', '--format', 'sarif').stdout;
    assert.equal(JSON.parse(sarif).runs[0].versionControlProvenance[0].repositoryUri, 'https://git.example.com/team/app.git');
    assert.ok(!sarif.includes('hunter2pass'));
  });
});

describe('scan --pushed', () => {
  it('scans the commits between PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF, and says how to skip the hook', () => {
    const base = repo.commit('base', { 'old.py': `OLD_TOKEN = "${token(22)}"\n` });
    repo.commit('leak', { 'new.py': `NEW_TOKEN = "${token(23)}"\n` });
    repo.git('rm', '-q', 'new.py');
    const head = repo.commit('remove it again');
    repo.env.PRE_COMMIT_FROM_REF = base;
    repo.env.PRE_COMMIT_TO_REF = head;
    try {
      const result = scan('--pushed', '--hook', 'aws-secrets-lens-pre-push');
      assert.equal(result.status, 1);
      assert.match(result.stdout, /^new\.py:1:/m);
      assert.doesNotMatch(result.stdout, /old\.py/);
      assert.match(result.stderr, /push blocked/);
      assert.match(result.stderr, /SKIP=aws-secrets-lens-pre-push git push/);
    } finally {
      delete repo.env.PRE_COMMIT_FROM_REF;
      delete repo.env.PRE_COMMIT_TO_REF;
    }
  });

  it('without pre-commit: the commits of HEAD that no remote has', () => {
    const pushed = repo.commit('pushed', { 'old.py': `OLD_TOKEN = "${token(24)}"\n` });
    repo.git('update-ref', 'refs/remotes/origin/main', pushed);
    repo.commit('local', { 'new.py': `NEW_TOKEN = "${token(25)}"\n` });
    assert.deepEqual(
      findings('--pushed').map((f) => f.file),
      ['new.py'],
    );
  });
});

describe('plain scan in a repository', () => {
  it('reads the files git tracks, even one a .gitignore matches, and untracked files that are not ignored', () => {
    repo.commit('tracked', { 'build/generated.py': `GEN_TOKEN = "${token(19)}"\n` });
    repo.commit('ignore build', { '.gitignore': 'build/\nlocal/\n' });
    repo.write('local/secret.py', `LOCAL_TOKEN = "${token(20)}"\n`);
    repo.write('new.py', `NEW_TOKEN = "${token(21)}"\n`);
    assert.deepEqual(
      findings().map((f) => f.file),
      ['build/generated.py', 'new.py'],
    );
    // Outside git's view (--no-gitignore) every file is read.
    assert.deepEqual(
      findings('--no-gitignore').map((f) => f.file),
      ['build/generated.py', 'local/secret.py', 'new.py'],
    );
  });
});
