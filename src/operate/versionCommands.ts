import * as vscode from 'vscode';
import { itemOnly, secretId, type ItemRef, type ParameterRef, type SecretRef } from '../aws/items';
import type { ParameterVersion, SecretVersion } from '../aws/types';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { formatDateTime } from '../tree/presentation';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { refuseControlledWrite } from '../ui/writeGuard';
import { withProgress } from '../ui/progress';
import type { Prompts } from '../ui/prompts';
import { ask, choose, confirm } from '../ui/wizard';
import type { OperateDeps } from './operateDeps';
import { VIEW_SCHEME } from './valueFileSystem';

/** A version as the user picks it, and the document reference that shows its value. */
interface VersionChoice {
  readonly label: string;
  /** What the diff editor's title calls it: a staging label, the version id's start, or vN. */
  readonly short: string;
  readonly ref: ItemRef;
}

/** Version history: diffs between versions in VS Code's diff editor, and moving labels. */
export function registerVersionCommands(deps: OperateDeps): vscode.Disposable[] {
  const anyItem = (node?: ExplorerNode | ItemRef) => resolveItem(deps, node, ['secretsmanager', 'ssm']);

  return [
    registerCommand(deps, Commands.compareWithPrevious, 'Compare with previous', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const versions = await withProgress(`Reading the history of ${target.name}…`, (signal) => versionChoices(deps, target, signal));
      const { left, right } = previousPair(target, versions);
      await openDiff(deps, left, right, target.name);
    }),

    registerCommand(deps, Commands.compareVersions, 'Compare versions', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const versions = await withProgress(`Reading the history of ${target.name}…`, (signal) => versionChoices(deps, target, signal));
      if (versions.length < 2) throw new UserError(`${target.name} has only one version.`);
      const chosenFirst = versions.find((v) =>
        target.service === 'secretsmanager'
          ? v.ref.service === 'secretsmanager' && v.ref.versionId === target.versionId
          : v.ref.service === 'ssm' && v.ref.version === target.version,
      );
      const first = chosenFirst ?? (await pickVersion(deps.prompts, versions, `Compare ${target.name}: first version`));
      const second = await pickVersion(
        deps.prompts,
        versions.filter((v) => v !== first),
        `Compare ${target.name} (${first.label}) with…`,
      );
      await openDiff(deps, first, second, target.name);
    }),

    registerCommand(deps, Commands.labelVersion, 'Label version', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      await refuseControlledWrite(deps.aws, target, { doing: 'Moving its staging labels', to: 'move its staging labels' });
      if (target.service === 'secretsmanager') await labelSecretVersion(deps, target);
      else await labelParameterVersion(deps, target);
      await deps.model.itemChanged(itemOnly(target));
    }),
  ];
}

async function versionChoices(deps: OperateDeps, target: ItemRef, signal: AbortSignal): Promise<VersionChoice[]> {
  const runtime = await deps.aws();
  if (target.service === 'secretsmanager') {
    const base = itemOnly(target) as SecretRef;
    const versions = await (await runtime.secrets(target.profile, target.region)).listVersions(secretId(target), { signal });
    return versions.map((v) => ({
      label: secretVersionLabel(v),
      short: v.stages[0] ?? v.versionId.slice(0, 8),
      ref: { ...base, versionId: v.versionId, stage: v.stages[0] },
    }));
  }
  const base = itemOnly(target) as ParameterRef;
  const history = await (await runtime.parameters(target.profile, target.region)).history(target.name, { signal });
  return history.map((v) => ({ label: parameterVersionLabel(v), short: `v${v.version}`, ref: { ...base, version: v.version } }));
}

/** Secrets: AWSPREVIOUS → AWSCURRENT. Parameters: the chosen (or newest) version N against N−1. */
function previousPair(target: ItemRef, versions: VersionChoice[]): { left: VersionChoice; right: VersionChoice } {
  if (target.service === 'secretsmanager') {
    const current = versions.find((v) => v.label.includes('AWSCURRENT'));
    const previous = versions.find((v) => v.label.includes('AWSPREVIOUS'));
    if (!current || !previous) throw new UserError(`${target.name} has no AWSPREVIOUS version to compare with.`);
    return { left: previous, right: current };
  }
  const numbers = versions.map((v) => (v.ref.service === 'ssm' ? v.ref.version : undefined));
  const wanted = target.version ?? numbers[0];
  const right = versions[numbers.indexOf(wanted)];
  const left = right && versions[numbers.indexOf((wanted ?? 0) - 1)];
  if (!right || !left) throw new UserError(`${target.name} has no earlier version to compare with.`);
  return { left, right };
}

async function pickVersion(prompts: Prompts, versions: VersionChoice[], title: string): Promise<VersionChoice> {
  const picked = await choose(prompts, { title, placeholder: 'Choose a version', items: versions.map((v) => ({ label: v.label, choice: v })) });
  return picked.choice;
}

async function openDiff(deps: OperateDeps, left: VersionChoice, right: VersionChoice, name: string): Promise<void> {
  const [leftUri, rightUri] = await withProgress(`Reading two versions of ${name}…`, (signal) =>
    Promise.all([deps.documents.prepare(VIEW_SCHEME, left.ref, signal), deps.documents.prepare(VIEW_SCHEME, right.ref, signal)]),
  );
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${name}: ${left.short} ↔ ${right.short}`, { preview: true });
}

async function labelSecretVersion(deps: OperateDeps, target: SecretRef): Promise<void> {
  const store = await (await deps.aws()).secrets(target.profile, target.region);
  const versions = await withProgress(`Reading the versions of ${target.name}…`, (signal) => store.listVersions(secretId(target), { signal }));
  const version =
    versions.find((v) => v.versionId === target.versionId) ??
    (await choose(deps.prompts, { title: `Label a version of ${target.name}`, items: versions.map((v) => ({ label: secretVersionLabel(v), version: v })) }))
      .version;

  const existing = [...new Set(versions.flatMap((v) => v.stages))].filter((s) => !version.stages.includes(s));
  const picked = await choose(deps.prompts, {
    title: `Move a staging label to version ${version.versionId.slice(0, 8)}`,
    placeholder: 'AWSCURRENT makes this the value applications read',
    items: [...existing.map((stage) => ({ label: stage, stage })), { label: '$(add) New label…', stage: '' }],
  });
  const label =
    picked.stage ||
    (await ask(deps.prompts, {
      title: 'New staging label',
      prompt: 'Label name',
      validate: (v) =>
        /^[A-Za-z0-9_.@-]{1,256}$/.test(v)
          ? existing.includes(v) || version.stages.includes(v)
            ? 'This label exists; pick it from the list.'
            : undefined
          : 'Letters, digits and _ . @ - only.',
    }));
  const holder = versions.find((v) => v.stages.includes(label));
  if (label === 'AWSCURRENT') {
    await confirm(
      deps.prompts,
      `Make version ${version.versionId.slice(0, 8)} the current value of ${target.name}?`,
      'Applications reading AWSCURRENT get this version from now on.',
      'Move AWSCURRENT',
    );
  }
  await withProgress(`Moving ${label}…`, (signal) =>
    store.moveStage(secretId(target), label, { toVersionId: version.versionId, fromVersionId: holder?.versionId }, { signal }),
  );
  void deps.prompts.info(`${label} is now on version ${version.versionId.slice(0, 8)} of ${target.name}.`);
}

async function labelParameterVersion(deps: OperateDeps, target: ParameterRef): Promise<void> {
  const store = await (await deps.aws()).parameters(target.profile, target.region);
  const history = await withProgress(`Reading the history of ${target.name}…`, (signal) => store.history(target.name, { signal }));
  const version =
    history.find((v) => v.version === target.version) ??
    (await choose(deps.prompts, { title: `Label a version of ${target.name}`, items: history.map((v) => ({ label: parameterVersionLabel(v), version: v })) }))
      .version;
  const typed = await ask(deps.prompts, {
    title: `Labels for version ${version.version} of ${target.name}`,
    prompt: 'One or more labels, separated by commas. A label on another version moves here.',
    validate: (v) => {
      const labels = v
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      if (labels.length === 0) return 'Enter at least one label.';
      const bad = labels.find((l) => !/^[A-Za-z0-9_.-]{1,100}$/.test(l) || /^\d/.test(l) || /^(aws|ssm)/i.test(l));
      return bad ? `“${bad}” can't be a label: letters, digits, _ . - only; not starting with a digit, aws or ssm.` : undefined;
    },
  });
  const labels = typed
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const { invalidLabels } = await withProgress(`Labelling ${target.name}…`, (signal) => store.label(target.name, version.version, labels, { signal }));
  if (invalidLabels.length) throw new UserError(`AWS did not accept these labels: ${invalidLabels.join(', ')}.`);
  void deps.prompts.info(`Version ${version.version} of ${target.name} is labelled ${labels.join(', ')}.`);
}

function secretVersionLabel(v: SecretVersion): string {
  return `${v.stages.length ? v.stages.join(', ') : 'no label'} · ${v.versionId.slice(0, 8)}${v.createdDate ? ` · ${formatDateTime(v.createdDate)}` : ''}`;
}

function parameterVersionLabel(v: ParameterVersion): string {
  return `v${v.version}${v.labels.length ? ` · ${v.labels.join(', ')}` : ''}${v.lastModifiedDate ? ` · ${formatDateTime(v.lastModifiedDate)}` : ''}`;
}
