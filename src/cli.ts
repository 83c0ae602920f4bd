#!/usr/bin/env node
// aws-secrets-lens: the headless secret scanner for CI. Only argument parsing and
// wiring live here; walking, scanning and formatting are in src/detect.

import { readFileSync, writeFileSync } from 'node:fs';
import { version } from '../package.json';
import { BaselineError, parseBaseline, serializeBaseline } from './detect/baseline';
import { formatJson } from './detect/report/json';
import { formatSarif } from './detect/report/sarif';
import { formatText } from './detect/report/text';
import { scanFiles } from './detect/scan-files';
import { describeFsError } from './detect/walk';

const USAGE = `Usage: aws-secrets-lens scan [options] [PATH...]

Finds hard-coded secrets (AWS keys, tokens, passwords, private keys) in files.
PATH defaults to the current folder.

Options:
  --format text|json|sarif   output format (default: text)
  --baseline FILE            do not report findings whose fingerprints are in FILE
  --write-baseline FILE      write the fingerprints of all current findings to FILE and exit 0
  --exclude GLOB             skip matching files or folders (repeatable)
  --disable-rule ID          turn a rule off (repeatable)
  --no-gitignore             also scan files that .gitignore excludes
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 nothing found, 1 secrets found, 2 usage or read error.
`;

type Format = 'text' | 'json' | 'sarif';

interface Arguments {
  format: Format;
  baseline?: string;
  writeBaseline?: string;
  excludes: string[];
  disabledRules: string[];
  gitignore: boolean;
  paths: string[];
}

class UsageError extends Error {}

function parseArguments(argv: readonly string[]): Arguments | 'help' | 'version' {
  const args: Arguments = { format: 'text', excludes: [], disabledRules: [], gitignore: true, paths: [] };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === '-h' || raw === '--help') return 'help';
    if (raw === '-v' || raw === '--version') return 'version';
    if (raw === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!raw.startsWith('-') || raw === '-') {
      if (command === undefined) command = raw;
      else args.paths.push(raw);
      continue;
    }
    const equals = raw.indexOf('=');
    const flag = equals === -1 ? raw : raw.slice(0, equals);
    const takeValue = (): string => {
      if (equals !== -1) return raw.slice(equals + 1);
      const value = argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      return value;
    };
    switch (flag) {
      case '--format': {
        const value = takeValue();
        if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`unknown format "${value}" (use text, json or sarif)`);
        args.format = value;
        break;
      }
      case '--baseline': args.baseline = takeValue(); break;
      case '--write-baseline': args.writeBaseline = takeValue(); break;
      case '--exclude': args.excludes.push(takeValue()); break;
      case '--disable-rule': args.disabledRules.push(takeValue()); break;
      case '--no-gitignore': args.gitignore = false; break;
      default: throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (command === undefined) throw new UsageError('missing command (try "aws-secrets-lens scan .")');
  if (command !== 'scan') throw new UsageError(`unknown command "${command}"`);
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${describeFsError(error)}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`${file} is not a baseline file: ${error.message}`);
    throw error;
  }
}

function main(argv: readonly string[]): number {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  let baseline: Set<string> | undefined;
  try {
    baseline = args.baseline ? readBaseline(args.baseline) : undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${error.message}\n`);
    return 2;
  }
  const result = scanFiles({
    cwd: process.cwd(),
    roots: args.paths,
    excludeGlobs: args.excludes,
    useGitignore: args.gitignore,
    baseline,
    options: { disabledRules: args.disabledRules },
  });
  for (const problem of result.problems) process.stderr.write(`aws-secrets-lens: cannot read ${problem.path}: ${problem.message}\n`);
  if (args.writeBaseline) {
    try {
      writeFileSync(args.writeBaseline, serializeBaseline(result.fingerprints));
    } catch (error) {
      process.stderr.write(`aws-secrets-lens: cannot write baseline ${args.writeBaseline}: ${describeFsError(error)}\n`);
      return 2;
    }
    const count = new Set(result.fingerprints).size;
    process.stderr.write(`aws-secrets-lens: wrote ${count} fingerprint${count === 1 ? '' : 's'} to ${args.writeBaseline}\n`);
    return result.problems.length ? 2 : 0;
  }
  const color = args.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = args.format === 'json' ? formatJson(result.report)
    : args.format === 'sarif' ? formatSarif(result.report, version)
    : formatText(result.report, color);
  process.stdout.write(output);
  if (result.problems.length) return 2;
  return result.report.findings.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
