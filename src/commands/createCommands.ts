import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import type { ParameterTier, ParameterType, SecretStore, Tag } from '../aws/types';
import {
  byteLength,
  PARAMETER_MAX_BYTES,
  parameterNameProblem,
  parameterValueProblem,
  parseTags,
  secretNameProblem,
  secretNameWarning,
  secretValueProblem,
} from '../aws/validation';
import { Commands } from '../constants';
import type { Prompts } from '../ui/prompts';
import type { ExplorerNode } from '../views/model/nodes';
import { isItemTarget, type ItemTarget } from './shared/targets';
import type { CommandDeps } from './shared/deps';
import { kmsAliasItems } from './shared/kms';
import { isCancellation, registerCommand, UserCancelled, UserError, withProgress } from './shared/feedback';
import { resolveScope, type Scope } from './shared/pickers';
import { askInput, askPick, BACK, runSteps, type StepResult } from './shared/wizard';

type ValueSource = 'text' | 'pairs' | 'generated';

/** Everything typed into the create-secret wizard, kept to offer again if AWS refuses. */
interface SecretDraft {
  name?: string;
  source?: ValueSource;
  text?: string;
  pairs?: { key: string; value: string }[];
  passwordLength?: string;
  excludePunctuation?: boolean;
  kmsKeyId?: string;
  description?: string;
  tags?: string;
}

interface ParameterDraft {
  name?: string;
  type?: ParameterType;
  value?: string;
  keyId?: string;
  tier?: ParameterTier;
  description?: string;
}

export function registerCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.createSecret, 'Create secret', async (node?: ExplorerNode | ItemTarget) => {
      const scope = await resolveScope(deps, node);
      await untilCreated<SecretDraft>(deps, 'secret', { name: prefilledName(node) }, (d) => secretWizard(deps, scope, d), (d) => createSecret(deps, scope, d));
    }),
    registerCommand(deps, Commands.createParameter, 'Create parameter', async (node?: ExplorerNode | ItemTarget) => {
      const scope = await resolveScope(deps, node);
      await untilCreated<ParameterDraft>(deps, 'parameter', { name: prefilledName(node) }, (d) => parameterWizard(deps, scope, d), (d) => createParameter(deps, scope, d));
    }),
  ];
}

/**
 * Runs the wizard until AWS accepts what it produced. When AWS refuses, "Edit and Retry"
 * reopens the wizard with every answer given, so nothing typed is lost.
 */
async function untilCreated<D>(deps: CommandDeps, what: string, initial: D, wizard: (previous: D) => Promise<D>, create: (draft: D) => Promise<void>): Promise<void> {
  let draft = initial;
  for (;;) {
    draft = await wizard(draft);
    try {
      await create(draft);
      return;
    } catch (error) {
      if (isCancellation(error)) throw error;
      const message = isAwsError(error) || error instanceof UserError ? error.message : String(error);
      deps.log.error(`Create ${what}: ${message}`);
      if ((await deps.prompts.error(message, 'Edit and Retry')) !== 'Edit and Retry') throw new UserCancelled();
    }
  }
}

/** Started from a folder, the name begins with its path; from a missing lookup, it is that name. */
function prefilledName(arg: ExplorerNode | ItemTarget | undefined): string | undefined {
  if (isItemTarget(arg)) return arg.name;
  return arg?.type === 'folder' ? arg.prefix : undefined;
}

async function secretWizard(deps: CommandDeps, scope: Scope, previous: SecretDraft): Promise<SecretDraft> {
  const d: SecretDraft = { ...previous };
  const title = `Create Secret in ${scope.region}`;
  const total = 6;
  const store = async () => (await deps.aws()).secrets(scope.profile, scope.region);
  await runSteps([
    async () => {
      const name = await askInput(deps.prompts, {
        title,
        step: 1,
        totalSteps: total,
        prompt: 'Secret name, e.g. prod/payments/db. Use / to group secrets into folders.',
        value: d.name,
        validate: (v) => secretNameProblem(v.trim()) ?? undefined,
        validateOnAccept: async (v) => (await nameTaken(await store(), v.trim())) ?? undefined,
      });
      if (name === BACK) return BACK;
      d.name = name.trim();
      const warning = secretNameWarning(d.name);
      if (warning) void deps.prompts.warn(warning, {});
    },
    async () => {
      const choice = await askPick(deps.prompts, {
        title,
        step: 2,
        totalSteps: total,
        placeholder: 'How do you want to give the value?',
        items: [
          { label: '$(symbol-string) Plain text', source: 'text' as const, detail: 'One value, typed (hidden) now' },
          { label: '$(json) Key/value pairs', source: 'pairs' as const, detail: 'A JSON object such as {"username": …, "password": …}' },
          { label: '$(sparkle) Generate a random password', source: 'generated' as const, detail: 'Made by Secrets Manager (GetRandomPassword)' },
        ],
        active: (item) => item.source === (d.source ?? 'text'),
      });
      if (choice === BACK) return BACK;
      d.source = choice.source;
    },
    async () => {
      if (d.source === 'text') {
        const text = await askInput(deps.prompts, { title, step: 3, totalSteps: total, prompt: 'Secret value (hidden as you type)', password: true, value: d.text, validate: secretValueProblem });
        if (text === BACK) return BACK;
        d.text = text;
        return;
      }
      if (d.source === 'pairs') return pairsStep(deps.prompts, title, total, d);
      const length = await askInput(deps.prompts, {
        title,
        step: 3,
        totalSteps: total,
        prompt: 'Password length (4–4096)',
        value: d.passwordLength ?? '32',
        validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 4 && Number(v) <= 4096 ? undefined : 'A whole number from 4 to 4096.'),
      });
      if (length === BACK) return BACK;
      d.passwordLength = length.trim();
      const punctuation = await askPick(deps.prompts, {
        title,
        step: 3,
        totalSteps: total,
        placeholder: 'Characters',
        items: [
          { label: 'Letters, digits and punctuation', exclude: false },
          { label: 'Letters and digits only', exclude: true, detail: 'For systems that reject special characters' },
        ],
        active: (item) => item.exclude === (d.excludePunctuation ?? false),
      });
      if (punctuation === BACK) return BACK;
      d.excludePunctuation = punctuation.exclude;
    },
    async () => {
      const key = await kmsStep(deps, scope, title, 4, total, 'alias/aws/secretsmanager', d.kmsKeyId);
      if (key === BACK) return BACK;
      d.kmsKeyId = key;
    },
    async () => {
      const description = await askInput(deps.prompts, { title, step: 5, totalSteps: total, prompt: 'Description (optional)', value: d.description, validate: (v) => (v.length > 2048 ? 'At most 2048 characters.' : undefined) });
      if (description === BACK) return BACK;
      d.description = description;
    },
    async () => {
      const tags = await askInput(deps.prompts, {
        title,
        step: 6,
        totalSteps: total,
        prompt: 'Tags (optional): key=value, key2=value2',
        value: d.tags,
        validate: (v) => {
          const parsed = parseTags(v);
          return 'problem' in parsed ? parsed.problem : undefined;
        },
      });
      if (tags === BACK) return BACK;
      d.tags = tags;
    },
  ]);
  return d;
}

/** Key/value pairs, one key and one (hidden) value at a time; an empty key finishes. */
async function pairsStep(prompts: Prompts, title: string, total: number, d: SecretDraft): Promise<StepResult<void>> {
  const pairs = [...(d.pairs ?? [])];
  const previous = d.pairs ?? [];
  for (let i = 0; ; i++) {
    const key = await askInput(prompts, {
      title,
      step: 3,
      totalSteps: total,
      prompt: i === 0 ? 'First key, e.g. username' : `Key ${i + 1} (leave empty to finish)`,
      value: previous[i]?.key ?? '',
      validate: (v) => (i === 0 && v.trim() === '' ? 'Enter at least one key.' : pairs.slice(0, i).some((p) => p.key === v.trim()) ? 'This key is already used.' : undefined),
    });
    if (key === BACK) {
      if (i === 0) return BACK;
      i -= 2;
      continue;
    }
    if (key.trim() === '') break;
    const value = await askInput(prompts, { title, step: 3, totalSteps: total, prompt: `Value of ${key.trim()} (hidden as you type)`, password: true, value: previous[i]?.value ?? '' });
    if (value === BACK) {
      i -= 1;
      continue;
    }
    pairs[i] = { key: key.trim(), value };
    pairs.length = i + 1;
  }
  const json = JSON.stringify(Object.fromEntries(pairs.map((p) => [p.key, p.value])));
  const problem = secretValueProblem(json);
  if (problem) {
    void prompts.error(problem);
    return BACK;
  }
  d.pairs = pairs;
}

async function kmsStep(deps: CommandDeps, scope: Scope, title: string, step: number, total: number, defaultAlias: string, previous?: string): Promise<StepResult<string | undefined>> {
  const choice = await askPick(deps.prompts, {
    title,
    step,
    totalSteps: total,
    placeholder: 'KMS key that encrypts the value',
    items: () => kmsAliasItems(deps, scope, defaultAlias),
    active: (item) => item.alias === (previous ?? defaultAlias),
  });
  if (choice === BACK) return BACK;
  // The managed key is what AWS uses when none is given: leave it out of the request.
  return choice.alias === defaultAlias ? undefined : choice.alias;
}

/** A clear reason when the name is taken — also by a secret scheduled for deletion — before anything is created. */
async function nameTaken(store: SecretStore, name: string): Promise<string | undefined> {
  try {
    const existing = await store.describe(name);
    return existing.deletedDate
      ? `A secret named ${name} is scheduled for deletion. Restore it from the explorer, or choose another name.`
      : `A secret named ${name} already exists. Choose another name, or use Edit Value on it.`;
  } catch (error) {
    if (isAwsError(error) && error.kind === 'notFound') return undefined;
    throw error;
  }
}

async function createSecret(deps: CommandDeps, scope: Scope, d: SecretDraft): Promise<void> {
  const tags: Tag[] = d.tags ? (parseTags(d.tags) as { tags: Tag[] }).tags : [];
  const name = d.name ?? '';
  const created = await withProgress(`Creating secret ${name}…`, async (signal) => {
    const store = await (await deps.aws()).secrets(scope.profile, scope.region);
    let text: string;
    if (d.source === 'pairs') text = JSON.stringify(Object.fromEntries((d.pairs ?? []).map((p) => [p.key, p.value])));
    else if (d.source === 'generated') text = await store.randomPassword({ length: Number(d.passwordLength ?? 32), excludePunctuation: d.excludePunctuation }, { signal });
    else text = d.text ?? '';
    return store.create({ name, value: { text }, description: d.description || undefined, kmsKeyId: d.kmsKeyId, tags }, { signal });
  });
  await deps.model.itemChanged({ profile: scope.profile, region: scope.region, service: 'secretsmanager', name, id: created.arn });
  void deps.prompts.info(`Created secret ${name} in ${scope.region}.`);
}

async function parameterWizard(deps: CommandDeps, scope: Scope, previous: ParameterDraft): Promise<ParameterDraft> {
  const d: ParameterDraft = { ...previous };
  const title = `Create Parameter in ${scope.region}`;
  const total = 5;
  await runSteps([
    async () => {
      const name = await askInput(deps.prompts, {
        title,
        step: 1,
        totalSteps: total,
        prompt: 'Parameter name, e.g. /app/prod/db-password',
        value: d.name,
        validate: (v) => parameterNameProblem(v.trim()),
        validateOnAccept: async (v) => {
          const store = await (await deps.aws()).parameters(scope.profile, scope.region);
          try {
            await store.describe(v.trim());
            return `${v.trim()} already exists. Choose another name, or use Edit Value on it.`;
          } catch (error) {
            if (isAwsError(error) && error.kind === 'notFound') return undefined;
            throw error;
          }
        },
      });
      if (name === BACK) return BACK;
      d.name = name.trim();
    },
    async () => {
      const type = await askPick(deps.prompts, {
        title,
        step: 2,
        totalSteps: total,
        placeholder: 'Parameter type',
        items: [
          { label: '$(lock) SecureString', type: 'SecureString' as const, detail: 'Encrypted with KMS: for passwords, keys and tokens' },
          { label: '$(symbol-string) String', type: 'String' as const, detail: 'Plain text' },
          { label: '$(list-flat) StringList', type: 'StringList' as const, detail: 'Comma-separated values' },
        ],
        active: (item) => item.type === (d.type ?? 'SecureString'),
      });
      if (type === BACK) return BACK;
      d.type = type.type;
    },
    async () => {
      const value = await askInput(deps.prompts, {
        title,
        step: 3,
        totalSteps: total,
        prompt: d.type === 'StringList' ? 'Values, separated by commas' : d.type === 'SecureString' ? 'Value (hidden as you type)' : 'Value',
        password: d.type === 'SecureString',
        value: d.value,
        validate: (v) => parameterValueProblem(v, 'Advanced'),
      });
      if (value === BACK) return BACK;
      d.value = value;
    },
    async () => {
      if (d.type !== 'SecureString') return;
      const key = await kmsStep(deps, scope, title, 4, total, 'alias/aws/ssm', d.keyId);
      if (key === BACK) return BACK;
      d.keyId = key;
    },
    async () => {
      // The tier only needs a decision when the value does not fit the (free) Standard tier.
      if (byteLength(d.value ?? '') > PARAMETER_MAX_BYTES.Standard) {
        const tier = await askPick(deps.prompts, {
          title,
          step: 5,
          totalSteps: total,
          placeholder: `The value is ${byteLength(d.value ?? '')} bytes: more than the Standard tier's 4 KB`,
          items: [{ label: 'Advanced tier', detail: 'Up to 8 KB per value; charged per parameter per month', tier: 'Advanced' as const }],
        });
        if (tier === BACK) return BACK;
        d.tier = tier.tier;
      } else {
        d.tier = undefined;
      }
      const description = await askInput(deps.prompts, { title, step: 5, totalSteps: total, prompt: 'Description (optional)', value: d.description, validate: (v) => (v.length > 1024 ? 'At most 1024 characters.' : undefined) });
      if (description === BACK) return BACK;
      d.description = description;
    },
  ]);
  return d;
}

async function createParameter(deps: CommandDeps, scope: Scope, d: ParameterDraft): Promise<void> {
  const name = d.name ?? '';
  await withProgress(`Creating parameter ${name}…`, async (signal) => {
    const store = await (await deps.aws()).parameters(scope.profile, scope.region);
    return store.put({ name, value: d.value ?? '', type: d.type ?? 'SecureString', keyId: d.keyId, tier: d.tier, description: d.description || undefined, overwrite: false }, { signal });
  });
  await deps.model.itemChanged({ profile: scope.profile, region: scope.region, service: 'ssm', name });
  void deps.prompts.info(`Created parameter ${name} in ${scope.region}.`);
}
