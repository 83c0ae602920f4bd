// `aws-secrets-lens scan`: argument parsing and wiring; walking, scanning and formatting are in src/detect.
import { readFileSync, writeFileSync } from 'node:fs';
import { version } from '../../package.json';
import { BaselineError, legacyBaselineWarning, parseBaseline, serializeBaseline, type Baseline } from '../detect/baseline';
import { formatJson } from '../detect/report/json';
import { formatSarif } from '../detect/report/sarif';
import { formatText } from '../detect/report/text';
import { printable } from '../detect/report/model';
import { scanFiles } from '../detect/scan-files';
import { describeFsError, MAX_FILE_BYTES } from '../detect/walk';
import { parseCommandLine, UsageError } from './args';

export const SCAN_USAGE = `Usage: aws-secrets-lens scan [options] [PATH...]

Finds hard-coded secrets (AWS keys, tokens, passwords, private keys) in files.
PATH defaults to the current folder.

Options:
  --format text|json|sarif   output format (default: text)
  --baseline FILE            do not report findings whose fingerprints are in FILE
  --write-baseline FILE      write the fingerprints of all current findings to FILE and exit 0
  --migrate-baseline FILE    convert FILE's version 1 fingerprints (hashes of the values) to version 2
                             (location and name only), keeping exactly what it accepts, and exit 0
  --exclude GLOB             skip matching files or folders (repeatable)
  --disable-rule ID          turn a rule off (repeatable)
  --no-gitignore             also scan files that .gitignore excludes
  --max-file-size SIZE       skip files larger than SIZE (default 1MB; e.g. 512KB, 5MB)
  -h, --help                 show this help

Files not scanned, or scanned only partly, are listed on stderr with the reason.
Only regular files are read: a FIFO, socket or device named as PATH is an error.
Exit status: 0 nothing found, 1 secrets found, 2 usage or read error.
`;

type Format = 'text' | 'json' | 'sarif';

interface Arguments {
  format: Format;
  baseline?: string;
  writeBaseline?: string;
  migrateBaseline?: string;
  excludes: string[];
  disabledRules: string[];
  gitignore: boolean;
  maxFileBytes: number;
  paths: string[];
}

/** `1048576`, `512KB`, `5MB`, `1.5m`, `2 GB` → bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!match) throw new UsageError(`--max-file-size needs a size such as 512KB or 5MB, not "${printable(text)}"`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.floor(Number(match[1]) * (unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1));
  if (bytes < 1) throw new UsageError('--max-file-size must be at least 1 byte');
  return bytes;
}

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'migrate-baseline': { type: 'string' },
    exclude: { type: 'string', multiple: true },
    'disable-rule': { type: 'string', multiple: true },
    'no-gitignore': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (use text, json or sarif)`);
  return {
    format,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    migrateBaseline: values['migrate-baseline'],
    excludes: values.exclude ?? [],
    disabledRules: values['disable-rule'] ?? [],
    gitignore: !values['no-gitignore'],
    maxFileBytes: values['max-file-size'] === undefined ? MAX_FILE_BYTES : parseSize(values['max-file-size']),
    paths: positionals.length ? positionals : ['.'],
  };
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${printable(file)}: ${describeFsError(error)}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`${printable(file)} is not a baseline file: ${error.message}`);
    throw error;
  }
}

/** `aws-secrets-lens scan …` (argv after the word `scan`): scans, prints the report, returns the exit status. */
export function runScan(argv: readonly string[]): number {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n\n${SCAN_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(SCAN_USAGE);
    return 0;
  }
  if (args.migrateBaseline && (args.baseline || args.writeBaseline)) {
    process.stderr.write(`aws-secrets-lens: --migrate-baseline reads and writes its FILE: use it without --baseline or --write-baseline\n\n${SCAN_USAGE}`);
    return 2;
  }
  const baselineFile = args.migrateBaseline ?? args.baseline;
  let baseline: Baseline | undefined;
  try {
    baseline = baselineFile ? readBaseline(baselineFile) : undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n`);
    return 2;
  }
  if (baseline?.legacy.size && baselineFile && !args.migrateBaseline)
    process.stderr.write(`aws-secrets-lens: ${legacyBaselineWarning(printable(baselineFile), baseline.legacy.size)}\n`);
  const result = scanFiles({
    cwd: process.cwd(),
    roots: args.paths,
    excludeGlobs: args.excludes,
    useGitignore: args.gitignore,
    baseline,
    maxFileBytes: args.maxFileBytes,
    options: { disabledRules: args.disabledRules },
  });
  for (const problem of result.problems) process.stderr.write(`aws-secrets-lens: cannot read ${printable(problem.path)}: ${problem.message}\n`);
  for (const skipped of result.report.skipped ?? [])
    process.stderr.write(`aws-secrets-lens: ${skipped.partial ? 'scanned partly' : 'skipped'} ${printable(skipped.path)}: ${skipped.reason}\n`);
  if (args.migrateBaseline && baseline) {
    const kept = [...baseline.legacy].filter((old) => !result.legacyMatched.has(old));
    try {
      writeFileSync(args.migrateBaseline, serializeBaseline([...baseline.fingerprints, ...result.acceptedFingerprints], kept));
    } catch (error) {
      process.stderr.write(`aws-secrets-lens: cannot write baseline ${printable(args.migrateBaseline)}: ${describeFsError(error)}\n`);
      return 2;
    }
    process.stderr.write(
      `aws-secrets-lens: converted ${result.legacyMatched.size} version 1 fingerprint${result.legacyMatched.size === 1 ? '' : 's'} in ${printable(args.migrateBaseline)}` +
        (kept.length
          ? `; ${kept.length} matched no current finding and ${kept.length === 1 ? 'was' : 'were'} kept as they are (run from the repository root over the whole tree, or drop them with --write-baseline)\n`
          : '\n'),
    );
    return result.problems.length ? 2 : 0;
  }
  if (args.writeBaseline) {
    try {
      writeFileSync(args.writeBaseline, serializeBaseline(result.fingerprints));
    } catch (error) {
      process.stderr.write(`aws-secrets-lens: cannot write baseline ${printable(args.writeBaseline)}: ${describeFsError(error)}\n`);
      return 2;
    }
    const count = new Set(result.fingerprints).size;
    process.stderr.write(`aws-secrets-lens: wrote ${count} fingerprint${count === 1 ? '' : 's'} to ${printable(args.writeBaseline)}\n`);
    return result.problems.length ? 2 : 0;
  }
  const color = args.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output =
    args.format === 'json' ? formatJson(result.report) : args.format === 'sarif' ? formatSarif(result.report, version) : formatText(result.report, color);
  process.stdout.write(output);
  if (result.problems.length) return 2;
  return result.report.findings.length ? 1 : 0;
}
