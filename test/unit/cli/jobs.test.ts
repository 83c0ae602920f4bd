// `--jobs N`: a folder scan and a history scan spread over worker threads write exactly the report
// one thread writes — same findings, same order, same skipped files, same summary.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli } from '../../harness/cliBundle';
import { fake, fakeChars } from '../detect/helpers';
import { TempRepo } from './gitRepo';

let work: string;
let cli: string;
let repo: TempRepo;

/** Enough files that several workers start (the CLI runs small scans in one thread). */
const FILES = 240;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-jobs-'));
  cli = await buildCli(path.join(work, 'cli.js'));
  repo = new TempRepo('asl-jobs-repo-');
  for (let i = 0; i < FILES; i++) {
    const name = `src/module${String(i).padStart(3, '0')}.${['py', 'ts', 'yaml', 'env'][i % 4]}`;
    const body = Array.from({ length: 40 }, (_, line) => `value_${line} = "${fakeChars(12, i * 100 + line, 'abcdefgh ')}"`).join('\n');
    const secret = i % 7 === 0 ? `\nGITHUB_TOKEN = "${fake.github(i + 1)}"\n` : i % 11 === 0 ? `\npassword: ${fake.password(i)}\n` : '\n';
    repo.write(name, body + secret);
    if (i % 2 === 1) repo.commit(`commit ${i}`);
  }
  // Skipped and partly scanned files take their places in the report too.
  writeFileSync(path.join(repo.dir, 'src', 'blob.txt'), Buffer.from([1, 0, 2, 0, 3]));
  writeFileSync(path.join(repo.dir, 'src', 'long.js'), `const x = "${'a'.repeat(5000)}";\nTOKEN = "${fake.github(999)}"\n`);
  repo.commit('last');
});
after(() => {
  repo.dispose();
  rmSync(work, { recursive: true, force: true });
});

function scan(...args: string[]) {
  const result = repo.run(process.execPath, [cli, 'scan', ...args]);
  assert.ok(result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return result;
}

describe('scan --jobs', () => {
  it('a folder scan: the same report with 1, 2 and 3 threads, in every format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const one = scan('--format', format, '--jobs', '1');
      for (const jobs of ['2', '3']) {
        const many = scan('--format', format, '--jobs', jobs);
        assert.equal(many.stdout, one.stdout, `${format} with --jobs ${jobs}`);
        assert.equal(many.stderr, one.stderr);
      }
    }
    const report = JSON.parse(scan('--format', 'json', '--jobs', '1').stdout);
    assert.ok(report.findings.length > 40, 'the scan has findings to order');
    assert.ok(report.skipped.length >= 2, 'and skipped files');
  });

  it('a history scan: the same report with 1 and 3 threads', () => {
    const one = scan('--history', '--format', 'json', '--jobs', '1');
    const three = scan('--history', '--format', 'json', '--jobs', '3');
    assert.equal(three.stdout, one.stdout);
    assert.ok(JSON.parse(one.stdout).findings.length > 40);
  });

  it('--jobs needs a whole number', () => {
    const result = repo.run(process.execPath, [cli, 'scan', '--jobs', '0']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--jobs needs a whole number/);
  });
});
