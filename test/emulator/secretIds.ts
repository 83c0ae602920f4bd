/** Finding a secret by what callers pass as SecretId. */
import { ACCOUNT_ID } from './protocol';
import type { RegionState, Secret } from './state';

/** Resolves a name, a full ARN or a partial ARN (without the 6-character suffix). */
export function findSecret(region: RegionState, secretId: string): Secret | undefined {
  if (!secretId.startsWith('arn:')) return region.secrets.get(secretId);
  const match = /^arn:aws[a-z-]*:secretsmanager:([^:]+):(\d{12}):secret:(.+)$/.exec(secretId);
  if (!match || match[1] !== region.region || match[2] !== ACCOUNT_ID) return undefined;
  const resource = match[3]!;
  const byPartial = region.secrets.get(resource);
  if (byPartial) return byPartial;
  const withSuffix = /^(.+)-[A-Za-z0-9]{6}$/.exec(resource);
  const candidate = withSuffix ? region.secrets.get(withSuffix[1]!) : undefined;
  return candidate && candidate.arn === secretId ? candidate : undefined;
}
