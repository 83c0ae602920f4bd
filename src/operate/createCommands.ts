import type * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { isItemRef, type ItemRef } from '../aws/items';
import { expirationPolicy, parseExpiration } from '../aws/parameterPolicies';
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
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { isCancellation, UserCancelled, UserError } from '../ui/errors';
import { kmsAliasItems } from '../ui/kmsKeys';
import { resolveScope, type Scope } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { Prompts } from '../ui/prompts';
import { askInput, askPick, BACK, runSteps, type StepResult } from '../ui/wizard';
import type { OperateDeps } from './operateDeps';

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
  /** As typed (a date, a date and time, or a number of days); empty for none. */
  expiration?: string;
}

export function registerCreateCommands(deps: OperateDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.createSecret, 'Create secret', async (node?: ExplorerNode | ItemRef) => {
      const scope = await resolveScope(deps, node);
      await untilCreated<SecretDraft>(
        deps,
        'secret',
        { name: prefilledName(node) },
        (d) => secretWizard(deps, scope, d),
        (d) => createSecret(deps, scope, d),
      );
    }),
    registerCommand(deps, Commands.createParameter, 'Create parameter', async (node?: ExplorerNode | ItemRef) => {
      const scope = await resolveScope(deps, node);
      await untilCreated<ParameterDraft>(
        deps,
        'parameter',
        { name: prefilledName(node) },
        (d) => parameterWizard(deps, scope, d),
        (d) => createParameter(deps, scope, d),
      );
    }),
  ];
}

/**
 * Runs the wizard until AWS accepts what it produced. When AWS refuses, "Edit and Retry"
 * reopens the wizard with every answer given, so nothing typed is lost.
 */
async function untilCreated<D>(
  deps: OperateDeps,
  what: string,
  initial: D,
  wizard: (previous: D) => Promise<D>,
  create: (draft: D) => Promise<void>,
): Promise<void> {
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
function prefilledName(arg: ExplorerNode | ItemRef | undefined): string | undefined {
  if (isItemRef(arg)) return arg.name;
  return arg?.type === 'folder' ? arg.prefix : undefined;
}

/** What every step of a create wizard knows. */
interface WizardContext {
  readonly deps: OperateDeps;
  readonly scope: Scope;
  readonly title: string;
  readonly total: number;
}

/** The title and position of step `step` of the wizard. */
function at(w: WizardContext, step: number): { title: string; step: number; totalSteps: number } {
  return { title: w.title, step, totalSteps: w.total };
}

async function secretWizard(deps: OperateDeps, scope: Scope, previous: SecretDraft): Promise<SecretDraft> {
  const d: SecretDraft = { ...previous };
  const w: WizardContext = { deps, scope, title: `Create Secret in ${scope.region}`, total: 6 };
  await runSteps([
    () => secretNameStep(w, d),
    () => secretSourceStep(w, d),
    () => (d.source === 'text' ? secretTextStep(w, d) : d.source === 'pairs' ? pairsStep(deps.prompts, w.title, w.total, d) : generatedStep(w, d)),
    async () => {
      const key = await kmsStep(w, 4, 'alias/aws/secretsmanager', d.kmsKeyId);
      if (key === BACK) return BACK;
      d.kmsKeyId = key;
    },
    async () => {
      const description = await descriptionStep(w, 5, 2048, d.description);
      if (description === BACK) return BACK;
      d.description = description;
    },
    () => tagsStep(w, d),
  ]);
  return d;
}

async function secretNameStep(w: WizardContext, d: SecretDraft): Promise<StepResult<void>> {
  const store = async () => (await w.deps.aws()).secrets(w.scope.profile, w.scope.region);
  const name = await askInput(w.deps.prompts, {
    ...at(w, 1),
    prompt: 'Secret name, e.g. prod/payments/db. Use / to group secrets into folders.',
    value: d.name,
    validate: (v) => secretNameProblem(v.trim()) ?? undefined,
    validateOnAccept: async (v) => (await nameTaken(await store(), v.trim())) ?? undefined,
  });
  if (name === BACK) return BACK;
  d.name = name.trim();
  const warning = secretNameWarning(d.name);
  if (warning) void w.deps.prompts.warn(warning, {});
}

async function secretSourceStep(w: WizardContext, d: SecretDraft): Promise<StepResult<void>> {
  const choice = await askPick(w.deps.prompts, {
    ...at(w, 2),
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
}

async function secretTextStep(w: WizardContext, d: SecretDraft): Promise<StepResult<void>> {
  const text = await askInput(w.deps.prompts, {
    ...at(w, 3),
    prompt: 'Secret value (hidden as you type)',
    password: true,
    value: d.text,
    validate: secretValueProblem,
  });
  if (text === BACK) return BACK;
  d.text = text;
}

async function generatedStep(w: WizardContext, d: SecretDraft): Promise<StepResult<void>> {
  const length = await askInput(w.deps.prompts, {
    ...at(w, 3),
    prompt: 'Password length (4–4096)',
    value: d.passwordLength ?? '32',
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 4 && Number(v) <= 4096 ? undefined : 'A whole number from 4 to 4096.'),
  });
  if (length === BACK) return BACK;
  d.passwordLength = length.trim();
  const punctuation = await askPick(w.deps.prompts, {
    ...at(w, 3),
    placeholder: 'Characters',
    items: [
      { label: 'Letters, digits and punctuation', exclude: false },
      { label: 'Letters and digits only', exclude: true, detail: 'For systems that reject special characters' },
    ],
    active: (item) => item.exclude === (d.excludePunctuation ?? false),
  });
  if (punctuation === BACK) return BACK;
  d.excludePunctuation = punctuation.exclude;
}

async function descriptionStep(w: WizardContext, step: number, max: number, previous?: string): Promise<StepResult<string>> {
  return askInput(w.deps.prompts, {
    ...at(w, step),
    prompt: 'Description (optional)',
    value: previous,
    validate: (v) => (v.length > max ? `At most ${max} characters.` : undefined),
  });
}

async function tagsStep(w: WizardContext, d: SecretDraft): Promise<StepResult<void>> {
  const tags = await askInput(w.deps.prompts, {
    ...at(w, 6),
    prompt: 'Tags (optional): key=value, key2=value2',
    value: d.tags,
    validate: (v) => {
      const parsed = parseTags(v);
      return 'problem' in parsed ? parsed.problem : undefined;
    },
  });
  if (tags === BACK) return BACK;
  d.tags = tags;
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
      validate: (v) =>
        i === 0 && v.trim() === '' ? 'Enter at least one key.' : pairs.slice(0, i).some((p) => p.key === v.trim()) ? 'This key is already used.' : undefined,
    });
    if (key === BACK) {
      if (i === 0) return BACK;
      i -= 2;
      continue;
    }
    if (key.trim() === '') break;
    const value = await askInput(prompts, {
      title,
      step: 3,
      totalSteps: total,
      prompt: `Value of ${key.trim()} (hidden as you type)`,
      password: true,
      value: previous[i]?.value ?? '',
    });
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

async function kmsStep(w: WizardContext, step: number, defaultAlias: string, previous?: string): Promise<StepResult<string | undefined>> {
  const choice = await askPick(w.deps.prompts, {
    ...at(w, step),
    placeholder: 'KMS key that encrypts the value',
    items: () => kmsAliasItems(w.deps.aws, w.scope, defaultAlias),
    active: (item) => item.alias === (previous ?? defaultAlias),
  });
  if (choice === BACK) return BACK;
  // The managed key is what AWS uses when none is given: leave it out of the request.
  return choice.alias === defaultAlias ? undefined : choice.alias;
}

/** A clear reason when the name is taken — also by a secret scheduled for deletion — before anything is created. */
async function nameTaken(store: SecretStore, name: string): Promise<string | undefined> {
  const existing = await store.find(name);
  if (!existing) return undefined;
  return existing.deletedDate
    ? `A secret named ${name} is scheduled for deletion. Restore it from the explorer, or choose another name.`
    : `A secret named ${name} already exists. Choose another name, or use Edit Value on it.`;
}

async function createSecret(deps: OperateDeps, scope: Scope, d: SecretDraft): Promise<void> {
  const tags: Tag[] = d.tags ? (parseTags(d.tags) as { tags: Tag[] }).tags : [];
  const name = d.name ?? '';
  const created = await withProgress(`Creating secret ${name}…`, async (signal) => {
    const store = await (await deps.aws()).secrets(scope.profile, scope.region);
    let text: string;
    if (d.source === 'pairs') text = JSON.stringify(Object.fromEntries((d.pairs ?? []).map((p) => [p.key, p.value])));
    else if (d.source === 'generated')
      text = await store.randomPassword({ length: Number(d.passwordLength ?? 32), excludePunctuation: d.excludePunctuation }, { signal });
    else text = d.text ?? '';
    return store.create({ name, value: { text }, description: d.description || undefined, kmsKeyId: d.kmsKeyId, tags }, { signal });
  });
  await deps.model.itemChanged({ service: 'secretsmanager', ...scope, name, arn: created.arn });
  void deps.prompts.info(`Created secret ${name} in ${scope.region}.`);
}

async function parameterWizard(deps: OperateDeps, scope: Scope, previous: ParameterDraft): Promise<ParameterDraft> {
  const d: ParameterDraft = { ...previous };
  const w: WizardContext = { deps, scope, title: `Create Parameter in ${scope.region}`, total: 6 };
  await runSteps([
    () => parameterNameStep(w, d),
    () => parameterTypeStep(w, d),
    () => parameterValueStep(w, d),
    async () => {
      if (d.type !== 'SecureString') return;
      const key = await kmsStep(w, 4, 'alias/aws/ssm', d.keyId);
      if (key === BACK) return BACK;
      d.keyId = key;
    },
    () => parameterTierAndDescriptionStep(w, d),
    () => expirationStep(w, d),
  ]);
  return d;
}

/** An optional Expiration policy: Parameter Store deletes the parameter then (Advanced tier only). */
async function expirationStep(w: WizardContext, d: ParameterDraft): Promise<StepResult<void>> {
  for (;;) {
    const choice = await askPick(w.deps.prompts, {
      ...at(w, 6),
      placeholder: 'Expiration (optional)',
      items: [
        { label: 'No expiration', expires: false },
        {
          label: 'Delete it on a date…',
          expires: true,
          detail: 'An Expiration policy. Policies need the Advanced tier, which is charged per parameter per month.',
        },
      ],
      active: (item) => item.expires === Boolean(d.expiration),
    });
    if (choice === BACK) return BACK;
    if (!choice.expires) {
      d.expiration = undefined;
      return;
    }
    const typed = await askInput(w.deps.prompts, {
      ...at(w, 6),
      prompt: 'Expiration: a date (2030-01-31), a date and time (2030-01-31T18:00Z) or a number of days (30d)',
      value: d.expiration,
      validate: (v) => {
        const parsed = parseExpiration(v);
        return 'problem' in parsed ? parsed.problem : undefined;
      },
    });
    if (typed === BACK) continue;
    d.expiration = typed.trim();
    return;
  }
}

async function parameterNameStep(w: WizardContext, d: ParameterDraft): Promise<StepResult<void>> {
  const name = await askInput(w.deps.prompts, {
    ...at(w, 1),
    prompt: 'Parameter name, e.g. /app/prod/db-password',
    value: d.name,
    validate: (v) => parameterNameProblem(v.trim()),
    validateOnAccept: async (v) => {
      const store = await (await w.deps.aws()).parameters(w.scope.profile, w.scope.region);
      return (await store.find(v.trim())) ? `${v.trim()} already exists. Choose another name, or use Edit Value on it.` : undefined;
    },
  });
  if (name === BACK) return BACK;
  d.name = name.trim();
}

async function parameterTypeStep(w: WizardContext, d: ParameterDraft): Promise<StepResult<void>> {
  const type = await askPick(w.deps.prompts, {
    ...at(w, 2),
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
}

async function parameterValueStep(w: WizardContext, d: ParameterDraft): Promise<StepResult<void>> {
  const value = await askInput(w.deps.prompts, {
    ...at(w, 3),
    prompt: d.type === 'StringList' ? 'Values, separated by commas' : d.type === 'SecureString' ? 'Value (hidden as you type)' : 'Value',
    password: d.type === 'SecureString',
    value: d.value,
    validate: (v) => parameterValueProblem(v, 'Advanced'),
  });
  if (value === BACK) return BACK;
  d.value = value;
}

async function parameterTierAndDescriptionStep(w: WizardContext, d: ParameterDraft): Promise<StepResult<void>> {
  // The tier only needs a decision when the value does not fit the (free) Standard tier.
  if (byteLength(d.value ?? '') > PARAMETER_MAX_BYTES.Standard) {
    const tier = await askPick(w.deps.prompts, {
      ...at(w, 5),
      placeholder: `The value is ${byteLength(d.value ?? '')} bytes: more than the Standard tier's 4 KB`,
      items: [{ label: 'Advanced tier', detail: 'Up to 8 KB per value; charged per parameter per month', tier: 'Advanced' as const }],
    });
    if (tier === BACK) return BACK;
    d.tier = tier.tier;
  } else {
    d.tier = undefined;
  }
  const description = await descriptionStep(w, 5, 1024, d.description);
  if (description === BACK) return BACK;
  d.description = description;
}

async function createParameter(deps: OperateDeps, scope: Scope, d: ParameterDraft): Promise<void> {
  const name = d.name ?? '';
  const expiration = d.expiration ? parseExpiration(d.expiration) : undefined;
  if (expiration && 'problem' in expiration) throw new UserError(`Not created: ${expiration.problem}`);
  await withProgress(`Creating parameter ${name}…`, async (signal) => {
    const store = await (await deps.aws()).parameters(scope.profile, scope.region);
    return store.put(
      {
        name,
        value: d.value ?? '',
        type: d.type ?? 'SecureString',
        keyId: d.keyId,
        tier: expiration ? 'Advanced' : d.tier,
        description: d.description || undefined,
        overwrite: false,
        policies: expiration ? [expirationPolicy(expiration.date)] : undefined,
      },
      { signal },
    );
  });
  await deps.model.itemChanged({ service: 'ssm', ...scope, name });
  void deps.prompts.info(`Created parameter ${name} in ${scope.region}.`);
}
