// `aws-secrets-lens install-hook`: a plain git pre-commit hook, written where git looks for hooks,
// never over someone else's hook without --force, and one that really stops `git commit`.

import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { buildCli } from '../../harness/cliBundle';
import { fake } from '../detect/helpers';
import { TempRepo } from './gitRepo';

let work: string;
let cli: string;
let bin: string;
let repo: TempRepo;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-hook-cli-'));
  cli = await buildCli(path.join(work, 'cli.js'));
  // `aws-secrets-lens` on PATH, as an installed package puts it there.
  bin = path.join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'aws-secrets-lens'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(path.join(bin, 'aws-secrets-lens'), 0o755);
});
after(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  repo = new TempRepo('asl-hook-');
  repo.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;
});
afterEach(() => repo.dispose());

function installHook(...args: string[]) {
  return repo.run(process.execPath, [cli, 'install-hook', ...args]);
}

describe('install-hook', () => {
  it('writes an executable .git/hooks/pre-commit that blocks a commit adding a secret and lets a clean one through', () => {
    repo.commit('start', { 'README.md': '# app\n' });
    const result = installHook();
    assert.equal(result.status, 0, result.stderr);
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    assert.ok(statSync(hook).mode & 0o100, 'executable');

    repo.write('app.py', `GITHUB_TOKEN = "${fake.github(51)}"\n`);
    repo.git('add', 'app.py');
    const blocked = repo.run('git', ['commit', '-m', 'leak']);
    assert.notEqual(blocked.status, 0, 'the commit is stopped');
    assert.match(blocked.stderr + blocked.stdout, /commit blocked/);
    assert.match(blocked.stderr + blocked.stdout, /SKIP=aws-secrets-lens git commit/);
    assert.ok(!(blocked.stderr + blocked.stdout).includes(fake.github(51)));

    // SKIP works as the message says.
    repo.env.SKIP = 'aws-secrets-lens';
    assert.equal(repo.run('git', ['commit', '-q', '-m', 'leak on purpose']).status, 0);
    delete repo.env.SKIP;

    repo.write('clean.py', 'import os\nTOKEN = os.environ["TOKEN"]\n');
    repo.git('add', 'clean.py');
    assert.equal(repo.run('git', ['commit', '-q', '-m', 'clean']).status, 0);
  });

  it('honours core.hooksPath', () => {
    repo.git('config', 'core.hooksPath', 'tools/hooks');
    assert.equal(installHook().status, 0);
    assert.ok(existsSync(path.join(repo.dir, 'tools', 'hooks', 'pre-commit')));
    assert.ok(!existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
  });

  it('refuses to replace a hook it did not write, unless --force (which keeps it as a backup); updates its own', () => {
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nnpm run lint\n');
    const refused = installHook();
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /exists and was not written by aws-secrets-lens.*--force/);
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\nnpm run lint\n');

    assert.equal(installHook('--force').status, 0);
    assert.equal(readFileSync(`${hook}.backup`, 'utf8'), '#!/bin/sh\nnpm run lint\n');
    assert.match(readFileSync(hook, 'utf8'), /aws-secrets-lens scan --staged/);
    assert.equal(installHook().status, 0, 'installing again over its own hook needs no --force');
  });

  it('outside a repository: exit 2 with a message', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'asl-no-git-'));
    try {
      const result = repo.run(process.execPath, [cli, 'install-hook'], outside);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /install-hook needs a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
