// `aws-secrets-lens policy`: the least-privilege IAM policy for what the code under PATH reads by
// name. Finding names is the detector's lookup finder and the references-file parser; ARNs, keys
// and the policy come from src/policy. This file reads the command line, walks the files and prints.
import path from 'node:path';
import { findLookups } from '../detect/lookups';
import { collectFiles, describeFsError, readScannableFile } from '../detect/walk';
import { ENVIRONMENT_PROFILE, profileLabel } from '../aws/profileNames';
import { createAwsRuntime } from '../aws/runtime';
import type { Logger } from '../aws/types';
// The policy modules one by one, not src/policy's index: the CLI needs none of the resource-policy documents.
import { buildPolicy } from '../policy/build';
import { noteLines, POLICY_FORMATS, renderPolicy, summaryLine, type PolicyFormat } from '../policy/render';
import { resolveTargets } from '../policy/resolve';
import { mergeTargets, targetsInFile, type PolicyTarget } from '../policy/targets';
import { parseCommandLine, UsageError } from './args';

export const POLICY_USAGE = `Usage: aws-secrets-lens policy [PATH] [--profile P] [--region R] [--format json|terraform|cloudformation]

Prints the smallest IAM policy that lets the code under PATH read the secrets and
parameters it names literally (SDK calls, the AWS CLI, CloudFormation dynamic
references, references files): secretsmanager:GetSecretValue on each secret's ARN,
ssm:GetParameter(s) on each parameter's ARN, kms:Decrypt on customer-managed keys
through that service only. Names are looked up in AWS for their ARNs and keys;
what cannot be resolved is listed (on stderr for json, as comments otherwise),
never widened to "*". PATH defaults to the current folder.

Options:
  --profile P       AWS profile (default: AWS_PROFILE, else environment credentials, else default)
  --region R        region of names that are not ARNs (default: AWS_REGION or
                    AWS_DEFAULT_REGION, else the profile's region)
  --format F        json (default), terraform or cloudformation
  -h, --help        show this help

Exit status: 0 policy printed; 1 nothing read by name under PATH, or nothing could be resolved; 2 usage, read or AWS error.
`;

interface Arguments {
  root: string;
  profile?: string;
  region?: string;
  format: PolicyFormat;
}

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    profile: { type: 'string' },
    region: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError(`one PATH at most (got ${positionals.length})`);
  const format = values.format ?? 'json';
  if (!(POLICY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (use ${POLICY_FORMATS.join(', ')})`);
  return { root: positionals[0] ?? '.', profile: values.profile, region: values.region, format: format as PolicyFormat };
}

/** Every literal name under the root, with where it is written. */
function collectTargets(root: string, errors: string[]): PolicyTarget[] {
  const cwd = process.cwd();
  const { files, problems } = collectFiles([root], { cwd, excludeGlobs: [], useGitignore: true });
  for (const problem of problems) errors.push(`cannot read ${problem.path}: ${problem.message}`);
  const targets: PolicyTarget[] = [];
  for (const file of files) {
    try {
      const read = readScannableFile(file.absolutePath);
      if ('text' in read) targets.push(...targetsInFile(file.relativePath, read.text, findLookups));
    } catch (error) {
      errors.push(`cannot read ${file.relativePath}: ${describeFsError(error)}`);
    }
  }
  return mergeTargets(targets);
}

/** `aws-secrets-lens policy …` (argv after the word `policy`): resolves to the exit status. */
export async function runPolicy(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${error.message}\n\n${POLICY_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(POLICY_USAGE);
    return 0;
  }
  const errors: string[] = [];
  const targets = collectTargets(args.root, errors);
  for (const error of errors) process.stderr.write(`aws-secrets-lens: ${error}\n`);
  const source = path.basename(path.resolve(args.root));
  if (targets.length === 0) {
    process.stderr.write(`aws-secrets-lens: no secret or parameter is read by a literal name under ${source}\n`);
    return errors.length ? 2 : 1;
  }

  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const runtime = createAwsRuntime({ logger: SILENT });
  try {
    const profiles = await runtime.listProfiles();
    const profile = args.profile ?? process.env.AWS_PROFILE ?? (profiles.some((p) => p.name === ENVIRONMENT_PROFILE) ? ENVIRONMENT_PROFILE : 'default');
    const found = profiles.find((p) => p.name === profile);
    if (!found) {
      const files = runtime.configFiles();
      process.stderr.write(`aws-secrets-lens: profile ${profile} is not in ${files.config} or ${files.credentials}\n`);
      return 2;
    }
    const region = args.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? found.region;
    if (!region) {
      process.stderr.write(`aws-secrets-lens: no region for profile ${profileLabel(profile)}: pass --region\n`);
      return 2;
    }
    const generated = buildPolicy(await resolveTargets(runtime, targets, { profile, region }));
    if (!generated.policy) {
      for (const line of noteLines(generated.notes)) process.stderr.write(`aws-secrets-lens: ${line}\n`);
      process.stderr.write(`aws-secrets-lens: none of the ${targets.length} names under ${source} could be resolved: no policy\n`);
      return 1;
    }
    process.stdout.write(renderPolicy({ ...generated, policy: generated.policy }, args.format, source));
    // JSON has no comments: what the policy leaves out goes to stderr, so stdout stays a valid policy.
    if (args.format === 'json') {
      process.stderr.write(`# ${summaryLine(generated, source)}\n`);
      for (const line of noteLines(generated.notes)) process.stderr.write(`# ${line}\n`);
    }
    return errors.length ? 2 : 0;
  } catch (error) {
    process.stderr.write(`aws-secrets-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    runtime.dispose();
  }
}

const SILENT: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
