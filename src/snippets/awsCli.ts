/**
 * AWS CLI v2 command lines that print a secret or parameter value, for shell snippets and for the
 * "how to load it" comments left in config files. JSON keys are picked with jq (`--arg` passes the key
 * as data, so no key can break the filter).
 */
import type { LookupTarget } from './types';
import { shellWord } from './stringLiteral';

/** `--name value`, or `--name=value` when the value starts with `-` (the CLI would read it as an option). */
function option(name: string, value: string): string {
  return value.startsWith('-') ? `${name}=${shellWord(value)}` : `${name} ${shellWord(value)}`;
}

export function awsCliCommand(target: LookupTarget, options: { decrypt: boolean }): string {
  const region = target.region ? ` ${option('--region', target.region)}` : '';
  const base =
    target.service === 'secretsmanager'
      ? `aws secretsmanager get-secret-value ${option('--secret-id', target.name)}${region} --query SecretString --output text`
      : `aws ssm get-parameter ${option('--name', target.name)}${options.decrypt ? ' --with-decryption' : ''}${region} --query Parameter.Value --output text`;
  if (!target.jsonKey) return base;
  return `${base} | jq -r --arg key ${shellWord(target.jsonKey)} '.[$key]'`;
}
