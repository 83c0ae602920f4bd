import { ITEM_NOUNS } from '../aws/items';
import type { KeyAlias } from '../aws/types';
import { describeEnvironment, shortEnvironment, type Environment } from '../compare/environment';
import type { Hasher } from '../compare/fingerprint';
import { DEFAULT_KEYS } from '../compare/kms';
import { countPlan, planCopy, type CopySource, type KmsChoice, type PlannedCopy } from '../compare/plan';
import { copyReport, copySummary, type CopyResult } from '../compare/report';
import { accountOf } from '../compare/facts';
import { readCopySettings } from '../settings/settings';
import { kmsItemsFrom } from '../ui/kmsKeys';
import { withProgress } from '../ui/progress';
import { choose } from '../ui/wizard';
import { runCopy } from './copyRunner';
import type { EnvironmentsDeps } from './environmentsDeps';
import { readItems } from './readEnvironment';

/** A copy's two sides and what is known about them. */
export interface CopyRequest {
  readonly from: Environment;
  readonly to: Environment;
  readonly sources: readonly CopySource[];
  readonly accounts: { readonly from?: string; readonly to?: string };
  /** The hasher the sources' fingerprints were made with (to compare the targets read again on retry). */
  readonly hash: Hasher;
  /** Run after anything was written (before the report is shown), e.g. to compare again. */
  readonly afterWrite?: () => Promise<unknown>;
}

interface CopyChoices {
  readonly kms: KmsChoice;
  readonly kmsLabel: string;
  readonly tags: boolean;
  readonly aliases: readonly string[];
  readonly targetAccount?: string;
}

/**
 * Copy / promote: asks for the target's KMS key (when something is created) and whether tags
 * come along, shows what will be created, overwritten (as a new version) or left alone — with
 * the reason for anything that can't be copied — and copies, or does a dry run. At the end, a
 * per-item report and a retry for the failed items. Resolves with the results (undefined when
 * the user stopped), so the caller can refresh what it shows.
 */
export async function copyWithPreview(deps: EnvironmentsDeps, request: CopyRequest): Promise<CopyResult[] | undefined> {
  const { from, to } = request;
  if (request.sources.length === 0) {
    void deps.prompts.info(`Nothing to copy from ${describeEnvironment(from)}.`);
    return undefined;
  }
  const choices = await askChoices(deps, request);
  const plan = planCopy(request.sources, {
    from,
    to,
    kms: choices.kms,
    sourceAccount: request.accounts.from,
    targetAccount: request.accounts.to ?? choices.targetAccount,
    targetAliases: choices.aliases,
  });
  const counts = countPlan(plan);
  const noun = ITEM_NOUNS[from.service];
  const toWrite = counts.create + counts.overwrite;
  const answer = await deps.prompts.warn(
    `Copy ${plural(request.sources.length, noun)} from ${shortEnvironment(from, to)} to ${shortEnvironment(to, from)}?`,
    { modal: true, detail: previewText(plan, choices, from, to) },
    ...(toWrite > 0 ? ['Copy'] : []),
    'Dry Run',
  );
  if (answer !== 'Copy' && answer !== 'Dry Run') return undefined;
  const dryRun = answer === 'Dry Run';
  return execute(deps, request, choices, plan, dryRun);
}

async function execute(
  deps: EnvironmentsDeps,
  request: CopyRequest,
  choices: CopyChoices,
  plan: readonly PlannedCopy[],
  dryRun: boolean,
): Promise<CopyResult[]> {
  const { from, to } = request;
  const settings = readCopySettings();
  const results: CopyResult[] = dryRun
    ? plan.map((p) => ({
        planned: p,
        outcome: p.action === 'create' ? 'created' : p.action === 'overwrite' ? 'overwritten' : p.action === 'leave' ? 'left' : 'notCopied',
        message: p.reason,
      }))
    : await withProgress(`Copying to ${describeEnvironment(to)}…`, async (signal, report) =>
        runCopy(await deps.aws(), plan, from, to, {
          tags: choices.tags,
          writesPerSecond: to.service === 'secretsmanager' ? settings.secretsManagerWritesPerSecond : settings.parameterStoreWritesPerSecond,
          signal,
          report,
        }),
      );
  const summary = copySummary(results, dryRun);
  deps.log.info(`${dryRun ? 'dry run of a copy' : 'copy'} from ${describeEnvironment(from)} to ${describeEnvironment(to)}: ${summary}`);
  for (const r of results) if (r.outcome === 'failed') deps.log.warn(`copy of ${r.planned.source.name} to ${r.planned.targetName} failed: ${r.message ?? ''}`);
  const written = results.filter((r) => !dryRun && (r.outcome === 'created' || r.outcome === 'overwritten'));
  for (const r of written) void deps.model.itemChanged({ service: to.service, profile: to.profile, region: to.region, name: r.planned.targetName });
  // What the user looks at is brought up to date before the report, not after it is dismissed.
  if (written.length) await request.afterWrite?.();
  const failed = results.filter((r) => r.outcome === 'failed' || r.outcome === 'cancelled');
  const message = `${dryRun ? 'Dry run — nothing was sent. ' : ''}Copy to ${shortEnvironment(to, from)}: ${summary}.`;
  const actions = [...(failed.length && !dryRun ? ['Retry Failed'] : []), 'Show Report'];
  const choice = failed.length && !dryRun ? await deps.prompts.error(message, ...actions) : await deps.prompts.info(message, ...actions);
  if (choice === 'Show Report') {
    await deps.reports.open(`Copy to ${shortEnvironment(to, from)}`, copyReport(results, from, to, { dryRun, kms: choices.kmsLabel, tags: choices.tags }));
  } else if (choice === 'Retry Failed') {
    const retried = await retry(deps, request, choices, failed);
    const byItem = new Map(retried.map((r) => [r.planned.source.name, r]));
    return results.map((r) => byItem.get(r.planned.source.name) ?? r);
  }
  return results;
}

/** The failed items again, planned anew against what the target has now (a failed create may have become an overwrite). */
async function retry(deps: EnvironmentsDeps, request: CopyRequest, choices: CopyChoices, failed: readonly CopyResult[]): Promise<CopyResult[]> {
  const { to } = request;
  const names = failed.map((r) => r.planned.targetName);
  const now = await withProgress(`Reading ${to.region} again…`, async (signal) => readItems(await deps.aws(), to, names, request.hash, signal));
  const byName = new Map(now.items.map((item) => [item.name, item]));
  const sources: CopySource[] = failed.map((r) => ({ source: r.planned.source, target: byName.get(r.planned.targetName) }));
  const plan = planCopy(sources, {
    from: request.from,
    to,
    kms: choices.kms,
    sourceAccount: request.accounts.from,
    targetAccount: request.accounts.to ?? choices.targetAccount,
    targetAliases: choices.aliases,
  });
  return execute(deps, { ...request, sources }, choices, plan, false);
}

async function askChoices(deps: EnvironmentsDeps, request: CopyRequest): Promise<CopyChoices> {
  const { from, to } = request;
  const defaultKey = DEFAULT_KEYS[to.service];
  // Only new items get a key; an overwritten one keeps its own.
  const creates = request.sources.filter(
    (s) => !s.target && (to.service === 'secretsmanager' || from.service === 'secretsmanager' || s.source.parameterType === 'SecureString'),
  );
  let kms: KmsChoice = { kind: 'default' };
  let kmsLabel = `${defaultKey} (AWS managed)`;
  let aliases: KeyAlias[] = [];
  if (creates.length > 0) {
    aliases = await withProgress(`Reading the KMS keys of ${to.region}…`, async (signal) =>
      (await (await deps.aws()).keys(to.profile, to.region)).listAliases({ signal }),
    );
    const keep = { label: '$(key) Keep each item’s key', alias: '', description: 'where the target can use it; the others are listed before anything is sent' };
    const picked = await choose(deps.prompts, {
      title: `KMS key for the new ${ITEM_NOUNS[to.service]}s in ${to.region}`,
      placeholder: `${plural(creates.length, ITEM_NOUNS[to.service])} will be created; existing ones keep their key`,
      items: [keep, ...kmsItemsFrom(aliases, defaultKey)],
      active: (item) => item.alias === defaultKey,
    });
    if (picked === keep) {
      kms = { kind: 'keep' };
      kmsLabel = 'each item’s own key';
    } else if (picked.alias !== defaultKey) {
      kms = { kind: 'key', keyId: picked.alias };
      kmsLabel = picked.alias;
    }
  }
  const tags = await choose(deps.prompts, {
    title: `Tags of the copies in ${shortEnvironment(to, from)}`,
    items: [
      { label: 'Carry tags over', carry: true, description: 'the same keys and values as the source' },
      { label: 'Don’t copy tags', carry: false },
    ],
  });
  return {
    kms,
    kmsLabel,
    tags: tags.carry,
    aliases: aliases.map((a) => a.aliasName),
    targetAccount: accountOf(aliases.find((a) => a.aliasArn)?.aliasArn),
  };
}

/** The preview: counts, the choices, and each group of items by name (names only). */
function previewText(plan: readonly PlannedCopy[], choices: CopyChoices, from: Environment, to: Environment): string {
  const counts = countPlan(plan);
  const lines = [
    `From ${describeEnvironment(from)}`,
    `To ${describeEnvironment(to)}`,
    '',
    `Create ${counts.create} · Overwrite ${counts.overwrite} (a new version) · Leave alone ${counts.leave} (same value) · Can't copy ${counts.blocked}`,
    `KMS key for new items: ${choices.kmsLabel}. Tags: ${choices.tags ? 'carried over' : 'not copied'}.`,
  ];
  const group = (title: string, items: readonly PlannedCopy[], withReason = false) => {
    if (items.length === 0) return;
    lines.push('', `${title}:`);
    for (const p of items.slice(0, 12)) lines.push(`  ${p.targetName}${withReason && p.reason ? ` — ${p.reason}` : ''}`);
    if (items.length > 12) lines.push(`  …and ${items.length - 12} more`);
  };
  group(
    'Create',
    plan.filter((p) => p.action === 'create'),
  );
  group(
    'Overwrite (new version)',
    plan.filter((p) => p.action === 'overwrite'),
  );
  group(
    "Can't copy",
    plan.filter((p) => p.action === 'blocked'),
    true,
  );
  group(
    'Leave alone',
    plan.filter((p) => p.action === 'leave'),
  );
  lines.push('', 'Values are never shown. "Dry Run" sends nothing and gives the same report.');
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
