import type { AwsRuntime, ParameterSummary, ParameterValue, SecretSummary } from '../aws/types';
import { describeEnvironment, relativeName, type Environment } from '../compare/environment';
import { accountOf, type ItemFacts, type Snapshot, type UnreadableItem } from '../compare/facts';
import type { Hasher } from '../compare/fingerprint';
import { forEachLimited } from '../compare/pacing';

/** Progress as the read goes: a line for the notification. */
export type Report = (message: string) => void;

/** Secrets Manager lists at most 100 per call, Parameter Store describes at most 50. */
const LIST_PAGE = { secretsmanager: 100, ssm: 50 } as const;

/**
 * Reads every item of an environment: metadata by listing (ListSecrets / DescribeParameters,
 * page after page), values in batches (BatchGetSecretValue 20 at a time, GetParametersByPath
 * pages, GetParameters 10 at a time), each value hashed at once and dropped. Items that can't
 * be read are listed with the reason, never skipped in silence.
 */
export async function readEnvironment(aws: AwsRuntime, env: Environment, hash: Hasher, signal: AbortSignal, report: Report): Promise<Snapshot> {
  const where = describeEnvironment(env);
  const listed = (count: number) => report(`Listing ${where}: ${count}…`);
  const read = (done: number, total: number) => report(`Reading ${where}: ${done} of ${total} values…`);
  if (env.service === 'secretsmanager') {
    const store = await aws.secrets(env.profile, env.region);
    return secretSnapshot(aws, env, await listAll(env, signal, (query) => store.list(query), listed), hash, signal, read);
  }
  const store = await aws.parameters(env.profile, env.region);
  return parameterSnapshot(aws, env, await listAll(env, signal, (query) => store.list(query), listed), hash, signal, read);
}

/** Reads the named items of an environment only (a selection in the tree), with their values hashed. */
export async function readItems(aws: AwsRuntime, env: Environment, names: readonly string[], hash: Hasher, signal: AbortSignal): Promise<Snapshot> {
  if (env.service === 'secretsmanager') {
    const store = await aws.secrets(env.profile, env.region);
    const found = await findAll(names, (name) => store.find(name, { signal }));
    return secretSnapshot(aws, env, found as SecretSummary[], hash, signal, () => undefined);
  }
  const store = await aws.parameters(env.profile, env.region);
  const found = await findAll(names, (name) => store.find(name, { signal }));
  return parameterSnapshot(aws, env, found as ParameterSummary[], hash, signal, () => undefined);
}

async function findAll<T>(names: readonly string[], find: (name: string) => Promise<T | undefined>): Promise<T[]> {
  const found: T[] = [];
  await forEachLimited(names, 4, async (name) => {
    const summary = await find(name);
    if (summary) found.push(summary);
  });
  return found;
}

async function listAll<T extends { name: string }>(
  env: Environment,
  signal: AbortSignal,
  list: (query: { namePrefix?: string; pageSize: number; nextToken?: string; signal: AbortSignal }) => Promise<{ items: T[]; nextToken?: string }>,
  progress: (count: number) => void,
): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await list({ namePrefix: env.prefix || undefined, pageSize: LIST_PAGE[env.service], nextToken, signal });
    // The server-side filter is a hint: the prefix is checked here, exactly.
    items.push(...page.items.filter((item) => item.name.startsWith(env.prefix)));
    nextToken = page.nextToken;
    progress(items.length);
  } while (nextToken);
  return items;
}

async function secretSnapshot(
  aws: AwsRuntime,
  env: Environment,
  summaries: readonly SecretSummary[],
  hash: Hasher,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<Snapshot> {
  const store = await aws.secrets(env.profile, env.region);
  const unreadable: UnreadableItem[] = [];
  const active: SecretSummary[] = [];
  for (const s of summaries) {
    const relative = relativeName(env, s.name) ?? s.name;
    if (s.deletedDate) unreadable.push({ name: s.name, relative, reason: 'scheduled for deletion' });
    else active.push(s);
  }
  const items: ItemFacts[] = [];
  for (let start = 0; start < active.length; start += 20) {
    const chunk = active.slice(start, start + 20);
    const { values, errors } = await store.batchGetValues(
      chunk.map((s) => s.arn || s.name),
      { signal },
    );
    for (const s of chunk) {
      const id = s.arn || s.name;
      const relative = relativeName(env, s.name) ?? s.name;
      const value = values.get(id);
      if (!value) {
        unreadable.push({ name: s.name, relative, reason: errors.get(id)?.message ?? 'its value was not returned' });
        continue;
      }
      items.push({
        name: s.name,
        relative,
        arn: s.arn,
        fingerprint: hash(value),
        kmsKeyId: s.kmsKeyId,
        tags: s.tags,
        description: s.description,
        primaryRegion: s.primaryRegion,
      });
    }
    progress(Math.min(start + 20, active.length), active.length);
  }
  return { environment: env, items, unreadable, account: accountOf(summaries.find((s) => s.arn)?.arn) };
}

async function parameterSnapshot(
  aws: AwsRuntime,
  env: Environment,
  summaries: readonly ParameterSummary[],
  hash: Hasher,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<Snapshot> {
  const store = await aws.parameters(env.profile, env.region);
  const wanted = new Set(summaries.map((p) => p.name));
  const values = new Map<string, ParameterValue>();
  const path = folderPath(env.prefix);
  if (path && summaries.length > 10) {
    // A folder reads fastest by path: up to 10 decrypted values a page, pages until no token.
    let nextToken: string | undefined;
    do {
      const page = await store.getValuesByPath({ path, recursive: true, nextToken, signal });
      for (const value of page.items) if (wanted.has(value.name)) values.set(value.name, value);
      nextToken = page.nextToken;
      progress(values.size, summaries.length);
    } while (nextToken);
  }
  const errors = new Map<string, string>();
  const missing = summaries.map((p) => p.name).filter((name) => !values.has(name));
  for (let start = 0; start < missing.length; start += 10) {
    const batch = await store.getValues(missing.slice(start, start + 10), { signal });
    for (const [name, value] of batch.values) values.set(name, value);
    for (const [name, error] of batch.errors) errors.set(name, error.message);
    progress(values.size, summaries.length);
  }
  const items: ItemFacts[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const p of summaries) {
    const relative = relativeName(env, p.name) ?? p.name;
    const value = values.get(p.name);
    if (!value) {
      unreadable.push({ name: p.name, relative, reason: errors.get(p.name) ?? 'its value was not returned' });
      continue;
    }
    items.push({
      name: p.name,
      relative,
      arn: p.arn,
      fingerprint: hash({ text: value.value }),
      parameterType: p.type,
      tier: p.tier,
      kmsKeyId: p.type === 'SecureString' ? p.keyId : undefined,
      description: p.description,
    });
  }
  return { environment: env, items, unreadable, account: accountOf(summaries.find((p) => p.arn)?.arn) };
}

/** `/app/staging/` → `/app/staging`: the path GetParametersByPath takes; undefined when the prefix is not a folder path. */
function folderPath(prefix: string): string | undefined {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) return undefined;
  return prefix.length > 1 ? prefix.slice(0, -1) : '/';
}

/**
 * Parameters' tags come one ListTagsForResource call each, so they are read only where they
 * are compared: for the names both sides have.
 */
export async function withParameterTags(aws: AwsRuntime, snapshot: Snapshot, names: ReadonlySet<string>, signal: AbortSignal): Promise<Snapshot> {
  if (snapshot.environment.service !== 'ssm' || names.size === 0) return snapshot;
  const store = await aws.parameters(snapshot.environment.profile, snapshot.environment.region);
  const items = [...snapshot.items];
  await forEachLimited(items, 4, async (item, index) => {
    if (!names.has(item.relative)) return;
    items[index] = { ...item, tags: await store.listTags(item.name, { signal }) };
  });
  return { ...snapshot, items };
}
