/**
 * From a references file to the environment a program gets: every reference read from AWS
 * (batched, each secret or parameter once however many entries use it), each entry's value
 * put together, and — when anything cannot be read — one failure per reference naming it and
 * its line, so nothing is started with half an environment.
 *
 * Talks to AWS only through the runtime's stores (aws/types.ts); never logs or reports a value.
 */
import { isAwsError } from '../aws/errors';
import { profileLabel } from '../aws/profileNames';
import type { AwsRuntime, BatchItemError, ParameterValue } from '../aws/types';
import { parseJsonObject } from '../aws/validation';
import { effectiveEntries, type FileEntry, type FoundReference, type ReferencesFile } from './file';
import type { ParameterReference, SecretReference } from './grammar';

/** BatchGetSecretValue takes at most 20 secret ids (Secrets Manager API Reference, BatchGetSecretValue: SecretIdList, 1–20 items). */
export const SECRET_BATCH_LIMIT = 20;
/** GetParameters takes at most 10 names (AWS Systems Manager API Reference, GetParameters: Names, 1–10 items). */
export const PARAMETER_BATCH_LIMIT = 10;

export interface Scope {
  readonly profile: string;
  readonly region: string;
}

export interface ResolveOptions extends Scope {
  readonly aws: Pick<AwsRuntime, 'secrets' | 'parameters'>;
  readonly signal?: AbortSignal;
}

/** A reference that could not be read, with what the user needs to find and fix it. */
export interface ResolveFailure {
  readonly key: string;
  /** 0-based line of the reference. */
  readonly line: number;
  /** The reference as written. */
  readonly text: string;
  readonly message: string;
}

export class ResolveError extends Error {
  constructor(readonly failures: readonly ResolveFailure[]) {
    super(failures.map((f) => describeFailure(f)).join('\n'));
  }
}

/** `.env.aws:4: DB_PASSWORD={{resolve:secretsmanager:prod/db:SecretString:pasword}}: prod/db has no key “pasword” …` */
export function describeFailure(failure: ResolveFailure, file?: string): string {
  const where = file ? `${file}:${failure.line + 1}` : `line ${failure.line + 1}`;
  return `${where}: ${failure.key}${failure.text ? `=${failure.text}` : ''}: ${failure.message}`;
}

/** The reads that answer a set of references: what is fetched, how, and in how many calls. */
export interface ReadPlan {
  /** BatchGetSecretValue calls: the current versions, at most SECRET_BATCH_LIMIT ids each. */
  readonly secretBatches: readonly (Scope & { readonly ids: readonly string[] })[];
  /** GetSecretValue calls: one per secret and chosen version (BatchGetSecretValue reads only AWSCURRENT). */
  readonly secretVersions: readonly (Scope & { readonly id: string; readonly versionStage?: string; readonly versionId?: string })[];
  /** GetParameters calls: at most PARAMETER_BATCH_LIMIT names (with `:version`) each. */
  readonly parameterBatches: readonly (Scope & { readonly names: readonly string[] })[];
}

/** Where a reference is read: the ARN's region wins over the file's or the profile's. */
export function scopeOf(reference: SecretReference | ParameterReference, scope: Scope): Scope {
  return { profile: scope.profile, region: reference.region ?? scope.region };
}

/** One key per thing read: the same secret version or parameter version is fetched once. */
function readKey(reference: SecretReference | ParameterReference, scope: Scope): string {
  const where = `${scope.profile}\u0000${scope.region}`;
  if (reference.service === 'ssm') return `ssm\u0000${where}\u0000${parameterSelector(reference)}`;
  const stage = reference.versionStage === 'AWSCURRENT' ? undefined : reference.versionStage;
  return `sm\u0000${where}\u0000${reference.secretId}\u0000${stage ?? ''}\u0000${reference.versionId ?? ''}`;
}

function parameterSelector(reference: ParameterReference): string {
  return reference.version ? `${reference.parameterName}:${reference.version}` : reference.parameterName;
}

/** Groups references into as few calls as AWS allows. */
export function planReads(references: readonly (SecretReference | ParameterReference)[], scope: Scope): ReadPlan {
  const seen = new Set<string>();
  const current = new Map<string, { scope: Scope; ids: string[] }>();
  const parameters = new Map<string, { scope: Scope; names: string[] }>();
  const secretVersions: (Scope & { id: string; versionStage?: string; versionId?: string })[] = [];
  for (const reference of references) {
    const where = scopeOf(reference, scope);
    const key = readKey(reference, where);
    if (seen.has(key)) continue;
    seen.add(key);
    const group = `${where.profile}\u0000${where.region}`;
    if (reference.service === 'ssm') {
      const entry = parameters.get(group) ?? { scope: where, names: [] };
      entry.names.push(parameterSelector(reference));
      parameters.set(group, entry);
    } else if ((reference.versionStage && reference.versionStage !== 'AWSCURRENT') || reference.versionId) {
      secretVersions.push({ ...where, id: reference.secretId, versionStage: reference.versionStage, versionId: reference.versionId });
    } else {
      const entry = current.get(group) ?? { scope: where, ids: [] };
      entry.ids.push(reference.secretId);
      current.set(group, entry);
    }
  }
  return {
    secretBatches: [...current.values()].flatMap(({ scope: s, ids }) => chunks(ids, SECRET_BATCH_LIMIT).map((part) => ({ ...s, ids: part }))),
    secretVersions,
    parameterBatches: [...parameters.values()].flatMap(({ scope: s, names }) => chunks(names, PARAMETER_BATCH_LIMIT).map((part) => ({ ...s, names: part }))),
  };
}

/** What one read gave: the text, or why there is none. */
type Answer = { readonly text: string; readonly parameterType?: ParameterValue['type'] } | { readonly problem: string };

/**
 * Resolves every entry of the file. Resolves to the environment (key → value, the last entry of
 * a key winning); rejects with a ResolveError listing every reference that could not be read,
 * or with the AwsError of a cancelled call.
 */
export async function resolveReferencesFile(file: ReferencesFile, options: ResolveOptions): Promise<Record<string, string>> {
  const entries = effectiveEntries(file);
  const malformed = entries.filter((entry) => !entry.valid);
  if (malformed.length > 0) {
    const problems = file.problems.filter((p) => p.severity === 'error' && p.key !== undefined && malformed.some((m) => m.key === p.key));
    throw new ResolveError(problems.map((p) => ({ key: p.key!, line: p.range.start.line, text: p.text ?? '', message: p.message })));
  }
  const references = entries.flatMap((entry) => entry.references);
  const answers = await readAll(
    references.map((r) => r.reference),
    options,
  );
  const failures: ResolveFailure[] = [];
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const value = assemble(entry, options, answers, failures);
    if (value !== undefined) env[entry.key] = value;
  }
  if (failures.length > 0) throw new ResolveError(failures);
  return env;
}

function assemble(entry: FileEntry, scope: Scope, answers: Map<string, Answer>, failures: ResolveFailure[]): string | undefined {
  let value = '';
  let failed = false;
  let index = 0;
  for (const part of entry.parts) {
    if (!('reference' in part)) {
      value += part.text;
      continue;
    }
    const found = entry.references[index++]!;
    const text = valueOf(found, scope, answers);
    if (typeof text === 'string') value += text;
    else {
      failed = true;
      failures.push({ key: entry.key, line: found.range.start.line, text: found.text, message: text.problem });
    }
  }
  return failed ? undefined : value;
}

function valueOf(found: FoundReference, scope: Scope, answers: Map<string, Answer>): string | { problem: string } {
  const reference = found.reference;
  const where = scopeOf(reference, scope);
  const answer = answers.get(readKey(reference, where));
  if (!answer) return { problem: `${reference.name} was not read.` };
  if ('problem' in answer) return answer;
  const place = `${where.region}, profile ${profileLabel(where.profile)}`;
  if (reference.service === 'ssm') {
    if (reference.secure === false && answer.parameterType === 'SecureString') {
      return { problem: `${reference.name} is a SecureString parameter: write {{resolve:ssm-secure:${reference.parameterName}}} to read it (${place}).` };
    }
    return answer.text;
  }
  if (!reference.jsonKey) return answer.text;
  const object = parseJsonObject(answer.text);
  if (!object) return { problem: `${reference.name} is not a JSON key/value secret, so it has no key “${reference.jsonKey}” (${place}).` };
  if (!Object.prototype.hasOwnProperty.call(object, reference.jsonKey)) {
    return { problem: `${reference.name} has no key “${reference.jsonKey}” (${place}). Its keys: ${Object.keys(object).join(', ') || 'none'}.` };
  }
  const member = object[reference.jsonKey];
  // Strings as they are; numbers, booleans and nested objects as their JSON text.
  return typeof member === 'string' ? member : JSON.stringify(member);
}

/** Runs the plan; every read's answer under its key. Only a cancellation rejects. */
async function readAll(references: readonly (SecretReference | ParameterReference)[], options: ResolveOptions): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  const plan = planReads(references, options);
  const secretKey = (scope: Scope, id: string, versionStage?: string, versionId?: string) =>
    readKey({ service: 'secretsmanager', secretId: id, name: id, versionStage, versionId }, scope);
  const signal = options.signal;
  const failed = (error: unknown): Answer => {
    if (isAwsError(error) && error.kind === 'cancelled') throw error;
    // The AWS layer's own not-found text speaks of the explorer; here the file is what to fix.
    if (isAwsError(error) && error.kind === 'notFound') {
      const c = error.context;
      return { problem: `${c.resource ?? 'The secret'} was not found in ${c.region} for profile ${c.profileLabel}.` };
    }
    return { problem: error instanceof Error ? error.message : String(error) };
  };

  const readOne = async (scope: Scope, id: string, versionStage?: string, versionId?: string): Promise<void> => {
    let answer: Answer;
    try {
      const value = await (await options.aws.secrets(scope.profile, scope.region)).getValue(id, { versionStage, versionId }, { signal });
      answer = secretText(id, value);
    } catch (error) {
      answer = failed(error);
    }
    answers.set(secretKey(scope, id, versionStage, versionId), answer);
  };

  await Promise.all([
    ...plan.secretBatches.map(async (batch) => {
      try {
        // The store falls back to one GetSecretValue per secret where BatchGetSecretValue is denied or missing.
        const { values, errors } = await (await options.aws.secrets(batch.profile, batch.region)).batchGetValues(batch.ids, { signal });
        for (const id of batch.ids) {
          const value = values.get(id);
          answers.set(secretKey(batch, id), value ? secretText(id, value) : itemFailed(id, batch, errors.get(id)));
        }
      } catch (error) {
        const answer = failed(error);
        for (const id of batch.ids) answers.set(secretKey(batch, id), answer);
      }
    }),
    ...plan.secretVersions.map((read) => readOne(read, read.id, read.versionStage, read.versionId)),
    ...plan.parameterBatches.map(async (batch) => {
      try {
        const { values, errors } = await (await options.aws.parameters(batch.profile, batch.region)).getValues(batch.names, { signal });
        for (const name of batch.names) {
          const value = values.get(name);
          const error = errors.get(name);
          answers.set(
            `ssm\u0000${batch.profile}\u0000${batch.region}\u0000${name}`,
            value
              ? { text: value.value, parameterType: value.type }
              : error && error.kind !== 'notFound'
                ? { problem: error.message }
                : { problem: `${describeSelector(name)} was not found in ${batch.region} for profile ${profileLabel(batch.profile)}.` },
          );
        }
      } catch (error) {
        const answer = failed(error);
        for (const name of batch.names) answers.set(`ssm\u0000${batch.profile}\u0000${batch.region}\u0000${name}`, answer);
      }
    }),
  ]);
  return answers;
}

/** One secret a batch could not read: not found in the file's terms, else AWS's reason. */
function itemFailed(id: string, scope: Scope, error: BatchItemError | undefined): Answer {
  if (!error || error.kind === 'notFound')
    return {
      problem: `${id.startsWith('arn:') ? (id.split(':secret:')[1] ?? id) : id} was not found in ${scope.region} for profile ${profileLabel(scope.profile)}.`,
    };
  return { problem: error.message };
}

function secretText(id: string, value: { text?: string; binary?: Uint8Array }): Answer {
  if (value.text !== undefined) return { text: value.text };
  return { problem: `${id} holds a binary value (SecretBinary); an environment variable takes text, so only SecretString secrets can be referenced.` };
}

/** `/app/db:3` → `/app/db (version 3)`. */
function describeSelector(asked: string): string {
  const match = /^(.*):(\d+)$/.exec(asked);
  return match ? `${match[1]} (version ${match[2]})` : asked;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
