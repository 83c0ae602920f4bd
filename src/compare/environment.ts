/**
 * An environment: the items of one service in one Region of one profile whose names start
 * with a prefix (a folder such as `staging/` or `/app/prod/`, or '' for all of them). Names are
 * compared relative to their environment, so `staging/db` and `prod/db` are the same item, and
 * so are the secret `staging/db` and the parameter `/app/staging/db`.
 */
import { SERVICE_NAMES, type ItemService } from '../aws/items';
import { profileLabel } from '../aws/profileNames';

export interface Environment {
  readonly profile: string;
  readonly region: string;
  readonly service: ItemService;
  /** Names that start with this; '' is every item of the service. */
  readonly prefix: string;
}

/** "staging/ · Secrets Manager · us-east-1 · profile demo" */
export function describeEnvironment(env: Environment): string {
  return [env.prefix || 'everything', SERVICE_NAMES[env.service], env.region, `profile ${profileLabel(env.profile)}`].join(' · ');
}

/** The shortest text that tells `env` from `other`: its prefix, Region, service and profile only where they differ. */
export function shortEnvironment(env: Environment, other: Environment): string {
  const parts: string[] = [];
  if (env.prefix !== other.prefix || (env.region === other.region && env.profile === other.profile && env.service === other.service))
    parts.push(env.prefix || 'everything');
  if (env.service !== other.service) parts.push(SERVICE_NAMES[env.service]);
  if (env.region !== other.region) parts.push(env.region);
  if (env.profile !== other.profile) parts.push(profileLabel(env.profile));
  return parts.join(' · ');
}

/** `staging/payments/db` in `staging/` → `payments/db`; undefined when the name is not in the environment. */
export function relativeName(env: Environment, name: string): string | undefined {
  if (!name.startsWith(env.prefix)) return undefined;
  const rest = name.slice(env.prefix.length);
  // At a folder boundary the leading slash of a parameter path is not part of the relative name.
  return env.prefix === '' || env.prefix.endsWith('/') ? rest.replace(/^\/+/, '') : rest;
}

/** The full name an item with this relative name has in `env`. */
export function nameIn(env: Environment, relative: string): string {
  const name = env.prefix + relative;
  // A hierarchical parameter name starts with a slash.
  return env.service === 'ssm' && name.includes('/') && !name.startsWith('/') ? `/${name}` : name;
}

export function sameEnvironment(a: Environment, b: Environment): boolean {
  return a.profile === b.profile && a.region === b.region && a.service === b.service && a.prefix === b.prefix;
}
