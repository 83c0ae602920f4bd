/**
 * The smallest identity policy that lets the code read what it reads (Secrets Manager User Guide,
 * "Permissions policy examples"; Parameter Store's "Restricting access to parameters"; KMS's
 * "kms:ViaService"), grouped by Region:
 *
 * - `secretsmanager:GetSecretValue` on each secret's ARN;
 * - `ssm:GetParameter` and `ssm:GetParameters` on each parameter's ARN;
 * - `kms:Decrypt` on each customer-managed key involved, only through the service that reads with
 *   it (`kms:ViaService` = `secretsmanager.REGION.amazonaws.com` / `ssm.REGION.amazonaws.com`).
 *
 * AWS managed keys (aws/secretsmanager, aws/ssm) need no statement. Resources are exact ARNs or a
 * secret's documented `-??????` suffix wildcard; never `*`.
 */
import type { ItemService } from '../aws/items';
import type { PolicyNote, Resolution } from './resolve';

export interface IamStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: { readonly StringEquals: { readonly 'kms:ViaService': string } };
}

export interface IamPolicy {
  readonly Version: '2012-10-17';
  readonly Statement: IamStatement[];
}

export interface GeneratedPolicy {
  /** Undefined when nothing could go into it (IAM refuses a policy without statements). */
  readonly policy?: IamPolicy;
  readonly notes: readonly PolicyNote[];
  readonly secrets: number;
  readonly parameters: number;
  readonly regions: readonly string[];
}

const ACTIONS: Record<ItemService, string[]> = {
  secretsmanager: ['secretsmanager:GetSecretValue'],
  ssm: ['ssm:GetParameter', 'ssm:GetParameters'],
};
const NOUNS: Record<ItemService, string> = { secretsmanager: 'Secrets', ssm: 'Parameters' };
const VIA_SERVICE: Record<ItemService, string> = { secretsmanager: 'secretsmanager', ssm: 'ssm' };

/** `us-east-1` → `UsEast1`: a Sid may hold only letters and digits. */
function sidPart(region: string): string {
  return region
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/[^A-Za-z0-9]/g, '');
}

const one = (values: string[]): string | string[] => (values.length === 1 ? values[0]! : values);
const unique = (values: Iterable<string>) => [...new Set(values)].sort();

export function buildPolicy(resolution: Resolution): GeneratedPolicy {
  const regions = unique(resolution.items.map((item) => item.region));
  const statements: IamStatement[] = [];
  for (const region of regions) {
    const inRegion = resolution.items.filter((item) => item.region === region);
    for (const service of ['secretsmanager', 'ssm'] as const) {
      const resources = unique(inRegion.filter((item) => item.target.service === service).map((item) => item.resourceArn));
      if (resources.length === 0) continue;
      statements.push({ Sid: `Read${NOUNS[service]}${sidPart(region)}`, Effect: 'Allow', Action: one(ACTIONS[service]), Resource: one(resources) });
    }
    for (const service of ['secretsmanager', 'ssm'] as const) {
      const keys = unique(inRegion.flatMap((item) => (item.key?.service === service ? [item.key.keyArn] : [])));
      if (keys.length === 0) continue;
      statements.push({
        Sid: `Decrypt${NOUNS[service]}${sidPart(region)}`,
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: one(keys),
        Condition: { StringEquals: { 'kms:ViaService': `${VIA_SERVICE[service]}.${region}.amazonaws.com` } },
      });
    }
  }
  return {
    policy: statements.length ? { Version: '2012-10-17', Statement: statements } : undefined,
    notes: resolution.notes,
    secrets: resolution.items.filter((item) => item.target.service === 'secretsmanager').length,
    parameters: resolution.items.filter((item) => item.target.service === 'ssm').length,
    regions,
  };
}
