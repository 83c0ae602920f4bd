// `aws-secrets-lens exec`: resolves a references file in AWS and runs a command with the values
// in its environment. The grammar and the resolver are in src/references; this file reads the
// command line, chooses the profile and region, and starts the command (no shell).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import { ENVIRONMENT_PROFILE, profileLabel } from '../aws/profileNames';
import { createAwsRuntime } from '../aws/runtime';
import type { Logger } from '../aws/types';
import { describeFailure, parseReferencesFile, resolveReferencesFile, ResolveError } from '../references';
import { parseCommandLine, UsageError } from './args';

export const EXEC_USAGE = `Usage: aws-secrets-lens exec [--env-file FILE] [--profile P] [--region R] -- COMMAND [ARGS...]

Reads FILE, a dotenv file whose values may be references to AWS, such as
  DB_PASSWORD={{resolve:secretsmanager:prod/db:SecretString:password}}
  API_KEY={{resolve:ssm-secure:/app/api-key}}
reads every value they point at, and runs COMMAND directly (no shell) with the
values added to its environment. Nothing is written to disk or printed.

Options:
  --env-file FILE   the references file (default: .env.aws)
  --profile P       AWS profile (default: the file's "# aws-secrets-lens: profile=…"
                    header, else AWS_PROFILE, else environment credentials, else default)
  --region R        region (default: the header's region, else AWS_REGION or
                    AWS_DEFAULT_REGION, else the profile's region); an ARN's own
                    region always wins
  -h, --help        show this help

Exit status: the command's own; 2 when the file cannot be read or a reference
cannot be resolved (the command is not started); 126 or 127 when the command
cannot be run or is not found.
`;

const DEFAULT_FILE = '.env.aws';
/** Signals passed on to the command, so it can shut down the way it would without us. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];
const VALUE_OPTIONS = new Set(['--env-file', '--profile', '--region']);
/** Comma-separated names of variables to remove from the command's environment (used by the extension's terminal). */
const UNSET_VARIABLE = 'AWS_SECRETS_LENS_EXEC_UNSET';

interface Arguments {
  envFile: string;
  profile?: string;
  region?: string;
  command: string;
  args: string[];
}

/** Options end at `--` or at the first word that is not an option (the command, whose own options follow it). */
function splitCommand(argv: readonly string[]): { options: string[]; command: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return { options: argv.slice(0, i), command: argv.slice(i + 1) };
    if (!word.startsWith('-')) return { options: argv.slice(0, i), command: argv.slice(i) };
    if (VALUE_OPTIONS.has(word)) i++;
  }
  return { options: [...argv], command: [] };
}

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  const split = splitCommand(argv);
  const { values, positionals } = parseCommandLine(split.options, {
    'env-file': { type: 'string' },
    profile: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`);
  const [command, ...args] = split.command;
  if (!command) throw new UsageError('missing the command to run (aws-secrets-lens exec [options] -- COMMAND [ARGS...])');
  return { envFile: values['env-file'] ?? DEFAULT_FILE, profile: values.profile, region: values.region, command, args };
}

/** `aws-secrets-lens exec …` (argv after the word `exec`): resolves to the exit status. */
export async function runExec(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${error.message}\n\n${EXEC_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(EXEC_USAGE);
    return 0;
  }
  // The command inherits the environment as it was given to us, less what the caller asked to take out
  // (the extension's terminal runs us with ELECTRON_RUN_AS_NODE, which the user's shell must not inherit).
  const inherited = { ...process.env };
  for (const name of [UNSET_VARIABLE, ...(process.env[UNSET_VARIABLE] ?? '').split(',').filter(Boolean)]) delete inherited[name];
  // The SDK's notice about future Node versions is not the command's business (nor this run's).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const resolved = await resolveEnvironment(args);
  if (typeof resolved === 'string') {
    process.stderr.write(resolved);
    return 2;
  }
  return run(args.command, args.args, { ...inherited, ...resolved });
}

/** The values, or the message to print (every problem, each with its line) when any reference cannot be resolved. */
async function resolveEnvironment(args: Arguments): Promise<Record<string, string> | string> {
  let text: string;
  try {
    text = readFileSync(args.envFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `aws-secrets-lens: cannot read ${args.envFile}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}\n`;
  }
  const file = parseReferencesFile(text);
  // Malformed references and a bad header are reported before anything is asked of AWS.
  const errors = file.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return errors
      .map((p) => `aws-secrets-lens: ${args.envFile}:${p.range.start.line + 1}: ${p.key ? `${p.key}${p.text ? `=${p.text}` : ''}: ` : ''}${p.message}\n`)
      .join('');
  }
  if (file.references.length === 0) return valuesOf(file);

  const runtime = createAwsRuntime({ logger: SILENT, mfaCodeProvider: askOnTerminal });
  try {
    const profiles = await runtime.listProfiles();
    const profile =
      args.profile ??
      file.header.profile ??
      process.env.AWS_PROFILE ??
      (profiles.some((p) => p.name === ENVIRONMENT_PROFILE) ? ENVIRONMENT_PROFILE : 'default');
    const found = profiles.find((p) => p.name === profile);
    if (!found) {
      const files = runtime.configFiles();
      return `aws-secrets-lens: profile ${profile} is not in ${files.config} or ${files.credentials}\n`;
    }
    const region = args.region ?? file.header.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? found.region;
    if (!region) return `aws-secrets-lens: no region for profile ${profileLabel(profile)}: pass --region, or add region=… to the file's header\n`;
    return await resolveReferencesFile(file, { aws: runtime, profile, region });
  } catch (error) {
    if (error instanceof ResolveError) return error.failures.map((f) => `aws-secrets-lens: ${describeFailure(f, args.envFile)}\n`).join('');
    return `aws-secrets-lens: ${error instanceof Error ? error.message : String(error)}\n`;
  } finally {
    runtime.dispose();
  }
}

/** A file without references needs no AWS. */
function valuesOf(file: ReturnType<typeof parseReferencesFile>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of file.entries) values[entry.key] = entry.entry.value;
  return values;
}

/** Starts the command without a shell, passes signals on, and resolves to its exit status. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      const notFound = error.code === 'ENOENT';
      process.stderr.write(`aws-secrets-lens: cannot run ${command}: ${notFound ? 'command not found' : (error.code ?? error.message)}\n`);
      resolve(notFound ? 127 : 126);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      if (signal) {
        // End the way the command ended, so whoever started us sees the same signal; 128 + N if that does not stop us.
        resolve(128 + (constants.signals[signal] ?? 0));
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 1);
    });
  });
}

const SILENT: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** An MFA code, asked on the terminal (stderr, so the command's output stays clean). */
async function askOnTerminal(serial: string, profile: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve) => prompt.question(`MFA code for ${serial} (profile ${profile}): `, resolve));
  } finally {
    prompt.close();
  }
}
