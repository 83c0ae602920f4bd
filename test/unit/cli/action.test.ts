// action.yml, the GitHub Action: its inputs and steps as GitHub reads them (parsed with `yaml`), and
// its scan step's script run for real with bash, the CLI standing in for `npx aws-secrets-lens@VERSION`
// (workflow syntax: docs.github.com "Metadata syntax for GitHub Actions", runs for composite actions).

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildCli } from '../../harness/cliBundle';
import { fake, REPO_ROOT } from '../detect/helpers';
import { TempRepo } from './gitRepo';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
let work: string;
let npxShim: string;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-action-'));
  const cli = await buildCli(path.join(work, 'cli.js'));
  // `npx --yes aws-secrets-lens@VERSION ARGS`: the bundled CLI instead of a download; the call is recorded.
  npxShim = path.join(work, 'bin');
  mkdirSync(npxShim);
  writeFileSync(path.join(npxShim, 'npx'), `#!/bin/sh\necho "$@" > "${path.join(work, 'npx-call')}"\nshift; shift\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(path.join(npxShim, 'npx'), 0o755);
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('action.yml', () => {
  it('is a composite action with the documented inputs and their defaults', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), [
      'args',
      'base',
      'baseline',
      'fail-on-findings',
      'mode',
      'paths',
      'sarif-file',
      'upload-sarif',
      'version',
    ]);
    assert.equal(action.inputs.mode.default, 'auto');
    assert.equal(action.inputs['fail-on-findings'].default, 'true');
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `${name} is described`);
  });

  it('uploads the SARIF file it wrote with codeql-action/upload-sarif, then fails on findings unless told not to', () => {
    const [scan, upload, fail] = action.runs.steps;
    assert.equal(scan.id, 'scan');
    assert.match(upload.uses ?? '', /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
    assert.match(upload.if ?? '', /always\(\)/);
    assert.match(upload.if ?? '', /inputs\.upload-sarif == 'true'/);
    assert.match(fail.if ?? '', /inputs\.fail-on-findings == 'true'/);
    assert.match(fail.run ?? '', /exit 1/);
    assert.equal(action.outputs.findings.value, '${{ steps.scan.outputs.findings }}');
  });

  it('never pastes an expression into a script (inputs reach scripts as environment variables)', () => {
    for (const step of action.runs.steps.filter((s) => s.run)) {
      assert.equal(step.shell, 'bash');
      assert.ok(!step.run?.includes('${{'), `step ${step.id ?? step.run?.slice(0, 30)} has an expression in its script`);
    }
  });

  describe('the scan step, run with bash', () => {
    let repo: TempRepo;
    before(() => {
      repo = new TempRepo('asl-action-repo-');
      repo.commit('base', { 'README.md': '# app\n', 'old.py': `OLD_TOKEN = "${fake.github(61)}"\n` });
    });
    after(() => repo.dispose());

    function runScan(inputs: Record<string, string>, event = 'push') {
      const scan = action.runs.steps[0];
      const output = path.join(work, 'github-output');
      writeFileSync(output, '');
      const env: NodeJS.ProcessEnv = {
        ...repo.env,
        PATH: `${npxShim}${path.delimiter}${process.env.PATH}`,
        GITHUB_ACTION_PATH: REPO_ROOT,
        GITHUB_EVENT_NAME: event,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: path.join(work, 'summary'),
      };
      for (const [name, value] of Object.entries(scan.env ?? {})) {
        const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
        env[name] = input ? (inputs[input] ?? action.inputs[input].default ?? '') : (inputs[`github:${name}`] ?? '');
      }
      const result = spawnSync('bash', ['-c', scan.run ?? ''], { cwd: repo.dir, env, encoding: 'utf8' });
      return { status: result.status, stderr: result.stderr, stdout: result.stdout, outputs: readFileSync(output, 'utf8') };
    }

    it('full scan: writes the SARIF log and the findings count, runs this action version from npm', () => {
      const result = runScan({});
      assert.equal(result.status, 0, result.stderr + result.stdout);
      assert.equal(result.outputs, 'findings=1\n');
      const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'aws-secrets-lens.sarif'), 'utf8'));
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'old.py');
      const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.match(
        readFileSync(path.join(work, 'npx-call'), 'utf8'),
        new RegExp(`^--yes aws-secrets-lens@${version.replace(/\./g, '\\.')} scan --format sarif`),
      );
    });

    it('pull requests (auto): only what the branch adds since the base commit', () => {
      const base = repo.git('rev-parse', 'HEAD').trim();
      repo.commit('feature', { 'new.py': `NEW_TOKEN = "${fake.github(62)}"\n` });
      const result = runScan({ 'github:PULL_REQUEST_BASE': base }, 'pull_request');
      assert.equal(result.status, 0, result.stderr + result.stdout);
      const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'aws-secrets-lens.sarif'), 'utf8'));
      assert.deepEqual(
        sarif.runs[0].results.map(
          (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri,
        ),
        ['new.py'],
      );
    });

    it('history mode with extra arguments; an unknown mode is an error', () => {
      const result = runScan({ mode: 'history', args: '--max-commits 1' });
      assert.equal(result.status, 0, result.stderr + result.stdout);
      assert.equal(result.outputs, 'findings=1\n');
      const bad = runScan({ mode: 'everything' });
      assert.equal(bad.status, 2);
      assert.match(bad.stdout, /::error::mode must be diff, history, full or auto/);
      const noBase = runScan({ mode: 'diff' });
      assert.equal(noBase.status, 2);
      assert.match(noBase.stdout, /::error::mode diff needs a base commit/);
    });
  });
});
