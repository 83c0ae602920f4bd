// The CLI never leaves input out in silence: every file not scanned, or not
// scanned fully, is named with its reason on stderr, in JSON `skipped` and in
// SARIF tool notifications, and counted in the summary. Also: encodings it
// decodes, --max-file-size, caps per rule with ignore markers applied first,
// only regular files read (a FIFO or a device is an error, not a hang), and
// control characters in file names escaped in every output.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli } from '../../harness/cliBundle';
import { fake } from './helpers';

let work: string;
let cli: string;
const github = fake.github(31);
const password = fake.password(32);

function run(args: string[], cwd = work): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
  writeFileSync(path.join(work, name), content);
}

interface JsonReport {
  findings: { file: string; line: number; ruleId: string }[];
  skipped: { file: string; reason: string; partial?: boolean }[];
  summary: { filesScanned: number; filesSkipped: number; filesScannedPartly: number; bytesScanned: number; findings: number };
}

const json = (args: string[]): JsonReport => JSON.parse(run(['scan', '--format', 'json', ...args]).stdout);

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-skip-'));
  cli = path.join(work, 'cli.js');
  await buildCli(cli);
  const line = `TOKEN = "${github}"\n`;
  write('input/big.py', `${'# padding\n'.repeat(110_000)}${line}`);
  write('input/binary.dat.txt', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(16), Buffer.from(line)]));
  write('input/utf16-bom.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`$password = "${password}"\r\n`, 'utf16le')]));
  const be = Buffer.from(`$password = "${password}"\r\n`, 'utf16le');
  be.swap16();
  write('input/utf16-be.ps1', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  write('input/utf16-nobom.ps1', Buffer.from(`$password = "${password}"\r\n`, 'utf16le'));
  write('input/utf8-bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]));
  write('input/minified.js', `var a=${JSON.stringify('x'.repeat(5000))};var k="${github}";\n`);
  write('input/ok.py', line);
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('aws-secrets-lens scan: nothing skipped in silence', () => {
  it('names every skipped file with its reason on stderr, in JSON and in the summary', () => {
    const result = run(['scan', '--format', 'json', 'input']);
    const report: JsonReport = JSON.parse(result.stdout);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    assert.match(reasons['input/big.py'], /^larger than 1 MB/);
    assert.match(reasons['input/binary.dat.txt'], /^binary/);
    assert.match(reasons['input/utf16-nobom.ps1'], /^UTF-16 without a byte order mark/);
    assert.match(reasons['input/minified.js'], /1 line longer than 4,000 characters checked for known formats, private keys and URLs only/);
    assert.equal(report.skipped.find((s) => s.file === 'input/minified.js')?.partial, true);
    assert.deepEqual(
      { skipped: report.summary.filesSkipped, partly: report.summary.filesScannedPartly, scanned: report.summary.filesScanned },
      { skipped: 3, partly: 1, scanned: 5 },
    );
    for (const file of ['input/big.py', 'input/binary.dat.txt', 'input/utf16-nobom.ps1'])
      assert.match(result.stderr, new RegExp(`skipped ${file.replace(/\./g, '\\.')}: `));
    assert.match(result.stderr, /scanned partly input\/minified\.js: /);

    const text = run(['scan', 'input']);
    assert.match(text.stdout, /\(5 files scanned, 3 skipped, 1 scanned partly \(listed on stderr\)\)\./);
    assert.match(text.stderr, /skipped input\/big\.py: larger than 1 MB/);
  });

  it('SARIF carries skipped files as tool execution notifications (SARIF 2.1.0 §3.20.21)', () => {
    const sarif = JSON.parse(run(['scan', '--format', 'sarif', 'input']).stdout);
    const notifications = sarif.runs[0].invocations[0].toolExecutionNotifications as {
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    const byUri = Object.fromEntries(notifications.map((n) => [n.locations[0].physicalLocation.artifactLocation.uri, n]));
    assert.equal(byUri['input/big.py'].level, 'warning');
    assert.match(byUri['input/big.py'].message.text, /^Not scanned: larger than 1 MB/);
    assert.equal(byUri['input/minified.js'].level, 'note');
    assert.match(byUri['input/minified.js'].message.text, /^Scanned partly: /);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
  });

  it('decodes UTF-16 with a byte order mark (either order) and UTF-8 with one', () => {
    const files = json(['input']).findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`);
    assert.ok(files.includes('input/utf16-bom.ps1:1:password-assignment'), files.join(' '));
    assert.ok(files.includes('input/utf16-be.ps1:1:password-assignment'), files.join(' '));
    assert.ok(files.includes('input/utf8-bom.py:1:github-token'), files.join(' '));
    assert.ok(!files.some((f) => f.startsWith('input/utf16-nobom.ps1')));
  });

  it('--max-file-size changes the limit, and refuses what is not a size', () => {
    const report = json(['--max-file-size', '2MB', 'input/big.py']);
    assert.deepEqual(
      report.findings.map((f) => f.line),
      [110_001],
    );
    assert.deepEqual(report.skipped, []);
    assert.match(json(['--max-file-size', '10', 'input/ok.py']).skipped[0].reason, /^larger than 10 bytes/);
    const bad = run(['scan', '--max-file-size', 'huge', 'input']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-file-size needs a size such as 512KB or 5MB, not "huge"/);
  });

  it('a secret after the 256th string literal of a long JSON line is still found', () => {
    const literals = Array.from({ length: 300 }, (_, i) => `"k${i}":${i}`).join(',');
    write('caps/wide.json', `{${literals}, "api_token": "${fake.token(33)}"}\n`);
    assert.deepEqual(
      json(['caps/wide.json']).findings.map((f) => f.ruleId),
      ['secret-assignment'],
    );
  });

  it('caps findings per rule, not per file, and says so; ignore markers apply before the cap', () => {
    const tokens = Array.from({ length: 1100 }, (_, i) => `API_TOKEN_${i} = "${fake.token(1000 + i)}"`).join('\n');
    write('caps/many.py', `${tokens}\nPASSWORD = "${password}"\n`);
    const report = json(['caps/many.py']);
    const byRule = report.findings.reduce<Record<string, number>>((counts, f) => ({ ...counts, [f.ruleId]: (counts[f.ruleId] ?? 0) + 1 }), {});
    assert.deepEqual(byRule, { 'secret-assignment': 1000, 'password-assignment': 1 });
    assert.match(report.skipped[0].reason, /stopped after 1,000 secret-assignment findings: the rest of the file not checked for that rule/);

    const ignored = Array.from({ length: 1500 }, (_, i) => `TOKEN_${i} = "${fake.token(3000 + i)}"  # aws-secrets-lens:ignore`).join('\n');
    write('caps/markers.py', `${ignored}\nSERVICE_TOKEN = "${fake.token(9)}"\n`);
    const marked = json(['caps/markers.py']);
    assert.deepEqual(
      marked.findings.map((f) => f.line),
      [1501],
    );
    assert.deepEqual(marked.skipped, []);
  });
});

describe('aws-secrets-lens scan: only regular files', () => {
  it('a FIFO named on the command line is an error (exit 2), not a hang', (t) => {
    const fifo = path.join(work, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return t.skip('mkfifo is not available');
    const result = run(['scan', 'pipe']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read pipe: not a regular file \(a FIFO\); only files and folders can be scanned/);
  });

  it('a device named on the command line is an error (exit 2), not a crash', () => {
    assert.ok(existsSync('/dev/zero'));
    const result = run(['scan', '/dev/zero']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read \/dev\/zero: not a regular file \(a character device\)/);
  });

  it('a symbolic link inside a scanned folder is not followed, and says so', () => {
    const folder = path.join(work, 'withlink');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'a.py'), 'x = 1\n');
    symlinkSync('/etc', path.join(folder, 'outside'));
    const report = json(['withlink']);
    assert.deepEqual(report.skipped, [{ file: 'withlink/outside', reason: 'not a regular file (a symbolic link, not followed)' }]);
  });

  it('a FIFO inside a scanned folder is skipped with its reason', (t) => {
    const folder = path.join(work, 'withpipe');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'a.py'), `TOKEN = "${github}"\n`);
    if (spawnSync('mkfifo', [path.join(folder, 'fifo')]).status !== 0) return t.skip('mkfifo is not available');
    const report = json(['withpipe']);
    assert.deepEqual(report.skipped, [{ file: 'withpipe/fifo', reason: 'not a regular file (a FIFO)' }]);
    assert.equal(report.findings.length, 1);
  });
});

describe('aws-secrets-lens scan: file names cannot rewrite the output', () => {
  const evil = 'evil\u001b[2J\u001b]0;owned\u0007\u202e\u0085name.py';
  // Any C0 control but tab and line feed, any C1 control, DEL or bidirectional override.
  // eslint-disable-next-line no-control-regex
  const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

  before(() => write(`names/${evil}`, `TOKEN = "${github}"\n`));

  it('text: control characters and bidi overrides in a file name are shown escaped', () => {
    const result = run(['scan', 'names']);
    assert.equal(result.status, 1);
    assert.ok(!unprintable.test(result.stdout + result.stderr), 'no raw control character in the output');
    assert.match(result.stdout, /names\/evil\\u001b\[2J\\u001b\]0;owned\\u0007\\u202e\\u0085name\.py:1:10/);
  });

  it('json and sarif: the same name, escaped, decodes back to the real one', () => {
    const json = run(['scan', '--format', 'json', 'names']).stdout;
    assert.ok(!unprintable.test(json));
    assert.equal(JSON.parse(json).findings[0].file, `names/${evil}`);
    const sarif = run(['scan', '--format', 'sarif', 'names']).stdout;
    assert.ok(!unprintable.test(sarif));
    assert.equal(decodeURI(JSON.parse(sarif).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri), `names/${evil}`);
  });

  it('stderr: a skipped file and an unreadable path are named escaped', () => {
    write(`skipnames/${evil}.bin.txt`, Buffer.from([0, 1, 2, 3]));
    const result = run(['scan', 'skipnames', `missing\u001b[31m`]);
    assert.ok(!unprintable.test(result.stderr), result.stderr);
    assert.match(result.stderr, /skipped skipnames\/evil\\u001b/);
    assert.match(result.stderr, /cannot read missing\\u001b\[31m: no such file or directory/);
  });
});
