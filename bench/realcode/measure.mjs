#!/usr/bin/env node
// Measures the scanner on real open-source repositories that you fetched by hand (see README.md):
// findings per MB and, against hand-made labels, precision per repository.
//
//   node bench/realcode/measure.mjs --root DIR [--cli dist/cli.js] [--labels FILE] [--out DIR]
//        [--repo NAME]... [--holdout NAME,NAME] [--reuse] [--tag TAG]
//
//   --root     a folder with one sub-folder per repository (`owner__name`)
//   --cli      the scanner (default: this checkout's dist/cli.js; build it first)
//   --labels   { "<repo>": { "<path>:<line>:<ruleId>": "tp" | "fp" } } (default: labels.json here)
//   --out      where reports go (default: .bench/realcode)
//   --repo     only these repositories (repeatable)
//   --holdout  repositories reported in their own table (held out from tuning)
//   --reuse    reuse <out>/<repo><tag>.json from an earlier run instead of scanning again
//   --tag      suffix for output names, e.g. "-before"
//
// It runs `node CLI scan --format json --no-gitignore .` in each repository, one at a time. A finding
// is matched to a label by path, line and rule, else by path and line when every label of that line
// agrees. Findings without a label are listed in <out>/unlabelled<tag>.txt for review. Plain Node; it
// fetches, builds and installs nothing.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const args = {
  cli: path.join(repoRoot, 'dist/cli.js'),
  root: undefined,
  out: path.join(repoRoot, '.bench/realcode'),
  labels: path.join(here, 'labels.json'),
  repos: [],
  holdout: [],
  reuse: false,
  tag: '',
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const option = argv[i];
  const value = () => {
    const v = argv[++i];
    if (v === undefined) fail(`${option} needs a value`);
    return v;
  };
  if (option === '--cli') args.cli = path.resolve(value());
  else if (option === '--root') args.root = path.resolve(value());
  else if (option === '--out') args.out = path.resolve(value());
  else if (option === '--labels') args.labels = path.resolve(value());
  else if (option === '--repo') args.repos.push(value());
  else if (option === '--holdout') args.holdout.push(...value().split(','));
  else if (option === '--reuse') args.reuse = true;
  else if (option === '--tag') args.tag = value();
  else fail(`unknown option ${option}`);
}
if (!args.root) fail('--root DIR is required (a folder of repositories, see bench/realcode/README.md)');
mkdirSync(args.out, { recursive: true });

function fail(message) {
  console.error(`measure: ${message}`);
  process.exit(2);
}

const labels = existsSync(args.labels) ? JSON.parse(readFileSync(args.labels, 'utf8')) : {};

function labelOf(repoLabels, finding) {
  const exact = repoLabels[`${finding.file}:${finding.line}:${finding.ruleId}`];
  if (exact) return exact;
  const prefix = `${finding.file}:${finding.line}:`;
  const sameLine = Object.entries(repoLabels)
    .filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes(':'))
    .map(([, label]) => label);
  return sameLine.length && sameLine.every((l) => l === sameLine[0]) ? sameLine[0] : undefined;
}

const fileLines = new Map();
function lineOf(repoDir, file, line) {
  const key = path.join(repoDir, file);
  if (!fileLines.has(key)) {
    if (fileLines.size > 200) fileLines.clear();
    let lines = [];
    try {
      lines = readFileSync(key, 'utf8').split(/\r\n|\r|\n/);
    } catch {
      // unreadable: shown empty
    }
    fileLines.set(key, lines);
  }
  const text = (fileLines.get(key)[line - 1] ?? '').trim();
  return text.length > 180 ? `${text.slice(0, 180)}…` : text;
}

const repos = (args.repos.length ? args.repos : readdirSync(args.root).filter((n) => statSync(path.join(args.root, n)).isDirectory())).sort();
const rows = [];
const byRule = {};
const unlabelled = [];
for (const repo of repos) {
  const repoDir = path.join(args.root, repo);
  const jsonPath = path.join(args.out, `${repo}${args.tag}.json`);
  let report;
  if (args.reuse && existsSync(jsonPath)) {
    report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } else {
    const started = Date.now();
    const run = spawnSync(process.execPath, [args.cli, 'scan', '--format', 'json', '--no-gitignore', '.'], {
      cwd: repoDir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (run.status !== 0 && run.status !== 1) {
      rows.push({ repo, error: `exit ${run.status}: ${run.stderr.slice(0, 300)}` });
      continue;
    }
    report = JSON.parse(run.stdout);
    report.seconds = (Date.now() - started) / 1000;
    writeFileSync(jsonPath, JSON.stringify(report, null, 1));
    process.stderr.write(`${repo}: ${report.findings.length} findings in ${report.seconds.toFixed(1)} s\n`);
  }
  const repoLabels = labels[repo] ?? {};
  const bytes = report.summary?.bytesScanned;
  const row = { repo, files: report.summary?.filesScanned, mb: bytes === undefined ? undefined : bytes / 1048576, findings: report.findings.length };
  row.tp = row.fp = row.unlabelled = 0;
  row.skipped = report.skipped?.length ?? 0;
  const listing = [`# ${repo}: ${report.findings.length} findings`, ''];
  for (const finding of report.findings) {
    const label = labelOf(repoLabels, finding);
    if (label === 'tp') row.tp++;
    else if (label === 'fp') row.fp++;
    else row.unlabelled++;
    const rule = (byRule[finding.ruleId] ??= { tp: 0, fp: 0, unlabelled: 0 });
    rule[label ?? 'unlabelled']++;
    const entry = `${finding.file}:${finding.line}:${finding.ruleId}  ${label ?? '??'}  | ${lineOf(repoDir, finding.file, finding.line)}`;
    listing.push(entry);
    if (!label) unlabelled.push(`${repo}  ${entry}`);
  }
  writeFileSync(path.join(args.out, `${repo}${args.tag}.findings.txt`), `${listing.join('\n')}\n`);
  rows.push(row);
}

const pct = (tp, fp) => (tp + fp ? `${((100 * tp) / (tp + fp)).toFixed(1)}%` : '-');
function table(title, selected) {
  const lines = [
    `## ${title}`,
    '',
    '| repo | files | MB | findings | findings/MB | tp | fp | unlabelled | precision |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const total = { files: 0, mb: 0, findings: 0, tp: 0, fp: 0, unlabelled: 0 };
  for (const r of selected) {
    if (r.error) {
      lines.push(`| ${r.repo} | ${r.error} |`);
      continue;
    }
    const perMb = r.mb ? (r.findings / r.mb).toFixed(2) : '-';
    lines.push(
      `| ${r.repo} | ${r.files ?? '-'} | ${r.mb?.toFixed(1) ?? '-'} | ${r.findings} | ${perMb} | ${r.tp} | ${r.fp} | ${r.unlabelled} | ${pct(r.tp, r.fp)} |`,
    );
    for (const key of Object.keys(total)) total[key] += r[key] ?? 0;
  }
  const perMb = total.mb ? (total.findings / total.mb).toFixed(2) : '-';
  lines.push(
    `| **total** | ${total.files} | ${total.mb.toFixed(1)} | ${total.findings} | ${perMb} | ${total.tp} | ${total.fp} | ${total.unlabelled} | ${pct(total.tp, total.fp)} |`,
  );
  return lines.join('\n');
}
const tuned = rows.filter((r) => !args.holdout.includes(r.repo));
const held = rows.filter((r) => args.holdout.includes(r.repo));
const sections = [`# Real-code measurement${args.tag ? ` (${args.tag})` : ''}`, '', `CLI: \`${path.relative(repoRoot, args.cli) || args.cli}\``, ''];
sections.push(table(held.length ? 'Tuning set' : 'Repositories', tuned));
if (held.length) sections.push('', table('Held-out set', held));
sections.push('', '## By rule', '', '| rule | tp | fp | unlabelled | precision |', '|---|---:|---:|---:|---:|');
for (const [id, v] of Object.entries(byRule).sort((a, b) => b[1].tp + b[1].fp - (a[1].tp + a[1].fp)))
  sections.push(`| ${id} | ${v.tp} | ${v.fp} | ${v.unlabelled} | ${pct(v.tp, v.fp)} |`);
const summary = `${sections.join('\n')}\n`;
writeFileSync(path.join(args.out, `summary${args.tag}.md`), summary);
writeFileSync(path.join(args.out, `unlabelled${args.tag}.txt`), unlabelled.length ? `${unlabelled.join('\n')}\n` : '');
process.stdout.write(summary);
if (unlabelled.length) process.stdout.write(`\n${unlabelled.length} unlabelled finding(s): ${path.join(args.out, `unlabelled${args.tag}.txt`)}\n`);
