import * as vscode from 'vscode';
import { DATABASE_TAGS, describeItem, secretId, type ItemRef, type SecretRef } from '../aws/items';
import type { RotationRules, SecretStore } from '../aws/types';
import { secretValueProblem } from '../aws/validation';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { refuseControlledWrite } from '../ui/writeGuard';
import { withProgress } from '../ui/progress';
import type { Prompts } from '../ui/prompts';
import { ask, askInput, askPick, BACK, choose, confirm, runSteps } from '../ui/wizard';
import { fitsRotation, isSecretEngine, rotationTemplate, type RotationStrategy, type SecretEngine } from './databaseSecret';
import { jsonProperties, withStringValue } from './jsonValue';
import type { OperateDeps } from './operateDeps';

const SCHEDULE_PATTERN = /^(rate\(\s*\d+\s+(hour|hours|day|days)\s*\)|cron\(.{1,200}\))$/;

export function registerRotationCommands(deps: OperateDeps): vscode.Disposable[] {
  const secretOf = async (node: ExplorerNode | ItemRef | undefined, doing: string, to: string) => {
    const target = (await resolveItem(deps, node, ['secretsmanager'])) as SecretRef;
    await refuseControlledWrite(deps.aws, target, { doing, to });
    return target;
  };
  const storeOf = async (t: SecretRef) => (await deps.aws()).secrets(t.profile, t.region);

  return [
    registerCommand(deps, Commands.rotateNow, 'Rotate secret', async (node?: ExplorerNode | ItemRef) => {
      const target = await secretOf(node, 'Rotating it', 'rotate it');
      await rotateNow(deps, target, await storeOf(target), node ?? target);
    }),

    registerCommand(deps, Commands.configureRotation, 'Configure rotation', async (node?: ExplorerNode | ItemRef) => {
      const target = await secretOf(node, 'Configuring its rotation', 'configure its rotation');
      await configureRotation(deps, target, await storeOf(target));
    }),

    registerCommand(deps, Commands.cancelRotation, 'Cancel rotation', async (node?: ExplorerNode | ItemRef) => {
      const target = await secretOf(node, 'Turning off its rotation', 'turn off its rotation');
      await confirm(
        deps.prompts,
        `Turn off automatic rotation of ${describeItem(target)}?`,
        'The current value stays. You can configure rotation again at any time.',
        'Turn Off Rotation',
      );
      const store = await storeOf(target);
      await withProgress(`Turning off rotation of ${target.name}…`, (signal) => store.cancelRotation(secretId(target), { signal }));
      await deps.model.itemChanged(target);
      void deps.prompts.info(`Automatic rotation of ${target.name} is off.`);
    }),

    registerCommand(deps, Commands.generateNewValue, 'Generate new value', async (node?: ExplorerNode | ItemRef) => {
      const target = await secretOf(node, 'Generating a new value', 'store a new value');
      await generateNewValue(deps.prompts, target, await storeOf(target));
      await deps.model.itemChanged(target);
    }),
  ];
}

/** Runs the rotation Lambda now; without one, offers to configure rotation or generate a value instead. */
async function rotateNow(deps: OperateDeps, target: SecretRef, store: SecretStore, handOver: ExplorerNode | ItemRef): Promise<void> {
  const summary = await store.describe(secretId(target));
  if (!summary.rotationLambdaArn) {
    const choice = await deps.prompts.info(
      `${target.name} has no rotation Lambda. Configure rotation, or store a new random value instead.`,
      'Configure Rotation…',
      'Generate New Value…',
    );
    if (choice === 'Configure Rotation…') await vscode.commands.executeCommand(Commands.configureRotation, handOver);
    if (choice === 'Generate New Value…') await vscode.commands.executeCommand(Commands.generateNewValue, handOver);
    return;
  }
  await confirm(
    deps.prompts,
    `Rotate ${describeItem(target)} now?`,
    `Secrets Manager runs ${lambdaName(summary.rotationLambdaArn)} to create and set a new value. Applications reading AWSCURRENT get the new value.`,
    'Rotate Now',
  );
  const result = await withProgress(`Rotating ${target.name}…`, (signal) => store.rotate(secretId(target), {}, { signal }));
  await deps.model.itemChanged(target);
  const versions = await store.listVersions(secretId(target));
  const newest = versions.find((v) => v.versionId === result.versionId);
  void deps.prompts.info(`Rotation of ${target.name} started: version ${result.versionId?.slice(0, 8) ?? '?'} is ${newest?.stages.join(', ') || 'pending'}.`);
}

interface RotationDraft {
  /** The database engine of a credentials secret (from its tags), when known: it decides the rotation templates. */
  engine?: SecretEngine;
  strategy?: RotationStrategy;
  lambdaArn?: string;
  scheduleKind?: 'days' | 'expression';
  schedule?: string;
  now?: boolean;
}

/** Lambda, schedule, now or later — and first, for database credentials, the rotation strategy — then RotateSecret. */
async function configureRotation(deps: OperateDeps, target: SecretRef, store: SecretStore): Promise<void> {
  const title = `Configure Rotation of ${target.name}`;
  const summary = target.summary ?? (await withProgress(`Reading ${target.name}…`, (signal) => store.describe(secretId(target), { signal })));
  const engine = summary.tags.find((tag) => tag.key === DATABASE_TAGS.engine)?.value;
  const d: RotationDraft = { engine: isSecretEngine(engine) ? engine : undefined };
  const steps = [
    () => rotationLambdaStep(deps, target, title, d),
    () => rotationScheduleStep(deps.prompts, title, d),
    () => rotateNowStep(deps.prompts, title, d),
  ];
  await runSteps(d.engine ? [() => rotationStrategyStep(deps.prompts, title, d), ...steps] : steps);
  const rules: RotationRules = d.scheduleKind === 'days' ? { automaticallyAfterDays: Number(d.schedule) } : { scheduleExpression: d.schedule };
  await withProgress(`Configuring rotation of ${target.name}…`, (signal) =>
    store.rotate(secretId(target), { lambdaArn: d.lambdaArn, rules, rotateImmediately: d.now }, { signal }),
  );
  await deps.model.itemChanged(target);
  void deps.prompts.info(
    `Rotation of ${target.name} is set: ${d.scheduleKind === 'days' ? `every ${d.schedule} days` : d.schedule}${d.now ? ', and a rotation started now' : ''}.`,
  );
}

/** Position of a rotation step: database credentials have the strategy step first. */
function rotationStep(d: RotationDraft, step: number): { step: number; totalSteps: number } {
  return d.engine ? { step: step + 1, totalSteps: 4 } : { step, totalSteps: 3 };
}

/**
 * The two strategies of the rotation function templates ("Rotation strategies" in the Secrets
 * Manager User Guide), single user suggested: alternating users needs a superuser secret.
 */
async function rotationStrategyStep(prompts: Prompts, title: string, d: RotationDraft): Promise<typeof BACK | void> {
  const engine = d.engine!;
  const strategy = await askPick(prompts, {
    title,
    step: 1,
    totalSteps: 4,
    placeholder: 'Rotation strategy for these database credentials',
    items: [
      {
        label: 'Single user',
        strategy: 'single' as const,
        description: `suggested · template ${rotationTemplate(engine, 'single')}`,
        detail: 'Changes the password of this user; connections opened during rotation may fail briefly.',
      },
      {
        label: 'Alternating users',
        strategy: 'alternating' as const,
        description: `template ${rotationTemplate(engine, 'alternating')}`,
        detail: 'Alternates between two users, for high availability; the secret needs "masterarn", the ARN of a secret with superuser credentials.',
      },
    ],
    active: (item) => item.strategy === (d.strategy ?? 'single'),
  });
  if (strategy === BACK) return BACK;
  d.strategy = strategy.strategy;
}

async function rotationLambdaStep(deps: OperateDeps, target: SecretRef, title: string, d: RotationDraft): Promise<typeof BACK | void> {
  const template = d.engine ? rotationTemplate(d.engine, d.strategy ?? 'single') : undefined;
  const fn = await askPick(deps.prompts, {
    title,
    ...rotationStep(d, 1),
    placeholder: `Rotation Lambda in ${target.region}${template ? `: a function made from the ${template} template` : ''}`,
    items: async () => {
      const functions = await (await (await deps.aws()).functions(target.profile, target.region)).listFunctions();
      if (functions.length === 0)
        throw new UserError(
          `There are no Lambda functions in ${target.region}. Create a rotation function first (see "Rotation function templates" in the AWS docs).`,
        );
      return functions.map((f) => ({
        label: f.name,
        description: d.engine && fitsRotation(f, d.engine, d.strategy ?? 'single') ? `${f.runtime ?? ''} · fits this secret`.trim() : f.runtime,
        detail: f.description,
        arn: f.arn,
        fits: d.engine ? fitsRotation(f, d.engine, d.strategy ?? 'single') : /rotat/i.test(f.name),
      }));
    },
    active: (item) => (d.lambdaArn ? item.arn === d.lambdaArn : item.fits),
  });
  if (fn === BACK) return BACK;
  d.lambdaArn = fn.arn;
}

async function rotationScheduleStep(prompts: Prompts, title: string, d: RotationDraft): Promise<typeof BACK | void> {
  const kind = await askPick(prompts, {
    title,
    ...rotationStep(d, 2),
    placeholder: 'Schedule',
    items: [
      { label: 'Every N days', schedule: 'days' as const },
      { label: 'A rate() or cron() expression', schedule: 'expression' as const, detail: 'e.g. rate(10 days) or cron(0 4 ? * SUN *)' },
    ],
    active: (item) => item.schedule === (d.scheduleKind ?? 'days'),
  });
  if (kind === BACK) return BACK;
  d.scheduleKind = kind.schedule;
  const schedule = await askInput(prompts, {
    title,
    ...rotationStep(d, 2),
    prompt: kind.schedule === 'days' ? 'Rotate every how many days? (1–1000)' : 'Schedule expression',
    value: d.schedule ?? (kind.schedule === 'days' ? '30' : 'rate(30 days)'),
    validate: (v) => scheduleProblem(kind.schedule, v.trim()),
  });
  if (schedule === BACK) return BACK;
  d.schedule = schedule.trim();
}

function scheduleProblem(kind: 'days' | 'expression', value: string): string | undefined {
  if (kind === 'days') return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000 ? undefined : 'A whole number of days from 1 to 1000.';
  return SCHEDULE_PATTERN.test(value) ? undefined : 'Write rate(N days), rate(N hours) or cron(…).';
}

async function rotateNowStep(prompts: Prompts, title: string, d: RotationDraft): Promise<typeof BACK | void> {
  const now = await askPick(prompts, {
    title,
    ...rotationStep(d, 3),
    placeholder: 'Rotate once now?',
    items: [
      { label: 'Rotate now, then on schedule', now: true },
      { label: 'Only on schedule', now: false },
    ],
  });
  if (now === BACK) return BACK;
  d.now = now.now;
}

/**
 * A fresh random value for a secret without a rotation Lambda: the whole value, or one key of
 * a JSON secret with the other keys kept. The old value stays as AWSPREVIOUS.
 */
async function generateNewValue(prompts: Prompts, target: SecretRef, store: SecretStore): Promise<void> {
  const current = await withProgress(`Reading ${target.name}…`, (signal) => store.getValue(secretId(target), {}, { signal }));
  if (current.text === undefined) throw new UserError(`${target.name} is a binary secret; a generated text value would change its type.`);
  const currentText = current.text;
  const keys = [...new Set(jsonProperties(currentText)?.map((property) => property.key))];
  let key: string | undefined;
  if (keys.length > 0) {
    const picked = await choose(prompts, {
      title: `Which key of ${target.name} gets a new value?`,
      placeholder: 'The other keys keep their values, exactly as written',
      items: keys.map((k) => ({ label: k })),
      active: (item) => /pass|secret|token|key/i.test(item.label),
    });
    key = picked.label;
  }
  const length = await ask(prompts, {
    title: 'New value',
    prompt: 'Length of the generated value (4–4096)',
    value: '32',
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 4 && Number(v) <= 4096 ? undefined : 'A whole number from 4 to 4096.'),
  });
  const charset = await choose(prompts, {
    title: 'Characters',
    items: [
      { label: 'Letters, digits and punctuation', excludePunctuation: false },
      { label: 'Letters and digits only', excludePunctuation: true },
    ],
  });
  await confirm(
    prompts,
    `Store a new random value ${key ? `for key “${key}” of` : 'for'} ${describeItem(target)}?`,
    'Applications reading AWSCURRENT get the new value; the old one stays available as AWSPREVIOUS.',
    'Generate and Store',
  );
  const written = await withProgress(`Storing a new value for ${target.name}…`, async (signal) => {
    const generated = await store.randomPassword({ length: Number(length), excludePunctuation: charset.excludePunctuation }, { signal });
    // Only that key's value changes; every other byte of the JSON stays as stored.
    const text = key ? withStringValue(currentText, key, generated) : generated;
    if (text === undefined) throw new UserError(`${target.name} has no key ${key}. Nothing was stored.`);
    const problem = secretValueProblem(text);
    if (problem) throw new UserError(problem);
    return store.putValue(secretId(target), { text }, { signal });
  });
  void prompts.info(`${target.name} has a new value (version ${written.versionId?.slice(0, 8) ?? '?'} is AWSCURRENT; the previous one is AWSPREVIOUS).`);
}

function lambdaName(arn: string): string {
  return arn.split(':').pop() ?? arn;
}
