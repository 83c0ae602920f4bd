import type * as vscode from 'vscode';
import { SERVICE_NAMES, type ItemService } from '../aws/items';
import type { Comparison, ComparisonEntry, EntryState } from '../compare/compare';
import { describeEnvironment, nameIn, relativeName, sameEnvironment, type Environment } from '../compare/environment';
import type { ItemFacts, Snapshot } from '../compare/facts';
import { createHasher, type Hasher } from '../compare/fingerprint';
import type { CopySource } from '../compare/plan';
import type { ComparisonNode } from '../compare/presentation';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { nodeScope } from '../tree/nodeScope';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { pickProfile, pickRegion } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import { choose } from '../ui/wizard';
import { compareAndShow, requireComparison } from './compareCommands';
import { copyWithPreview } from './copyFlow';
import { askPrefix, environmentOf } from './environmentPickers';
import type { EnvironmentsDeps } from './environmentsDeps';
import { readEnvironment, readItems } from './readEnvironment';

type Side = 'a' | 'b';

/** Copy A → B / B → A from the comparison view, and Copy To… from the explorer. */
export function registerCopyCommands(deps: EnvironmentsDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.copyAToB, 'Copy A to B', (node?: ComparisonNode, selected?: ComparisonNode[]) =>
      copyFromComparison(deps, 'a', node, selected),
    ),
    registerCommand(deps, Commands.copyBToA, 'Copy B to A', (node?: ComparisonNode, selected?: ComparisonNode[]) =>
      copyFromComparison(deps, 'b', node, selected),
    ),
    registerCommand(deps, Commands.copyTo, 'Copy to another environment', (node?: ExplorerNode, selected?: ExplorerNode[]) => copyTo(deps, node, selected)),
  ];
}

async function copyFromComparison(deps: EnvironmentsDeps, side: Side, node?: ComparisonNode, selected?: ComparisonNode[]): Promise<void> {
  const comparison = requireComparison(deps);
  const hash = deps.view.hash ?? createHasher();
  const other: Side = side === 'a' ? 'b' : 'a';
  const nodes = Array.isArray(selected) && selected.length > 0 ? selected : node ? [node] : [];
  const entries = nodes.length
    ? entriesOf(comparison, nodes)
    : comparison.entries.filter((e) => e.state === (side === 'a' ? 'onlyA' : 'onlyB') || e.state === 'different');
  const unreadable = new Map(comparison.unreadable.filter((u) => u.side === other).map((u) => [u.relative, u.reason]));
  const sources: CopySource[] = entries
    .filter((e) => e[side])
    .map((e) => ({ source: e[side]!, target: e[other], targetUnreadable: unreadable.get(e.relative) }));
  const from = comparison[side];
  const to = comparison[other];
  await copyWithPreview(deps, {
    from,
    to,
    sources,
    accounts: { from: comparison.accounts[side], to: comparison.accounts[other] },
    hash,
    // The comparison shows what AWS has now.
    afterWrite: () => compareAndShow(deps, comparison.a, comparison.b),
  });
}

function entriesOf(comparison: Comparison, nodes: readonly ComparisonNode[]): ComparisonEntry[] {
  const picked = new Set<ComparisonEntry>();
  for (const n of nodes) {
    if (n.type === 'entry') picked.add(n.entry);
    if (n.type === 'group' && n.group !== 'unreadable') for (const e of comparison.entries.filter((x) => x.state === (n.group as EntryState))) picked.add(e);
  }
  return [...picked];
}

async function copyTo(deps: EnvironmentsDeps, node?: ExplorerNode, selected?: ExplorerNode[]): Promise<void> {
  const nodes = (Array.isArray(selected) && selected.length > 0 ? selected : node ? [node] : []).filter((n) =>
    ['service', 'folder', 'secret', 'parameter'].includes(n.type),
  );
  const from = nodes.length ? selectionEnvironment(nodes) : await environmentOf(deps, undefined, 'Copy');
  const to = await askTarget(deps, from);
  const hash = createHasher();
  const { source, target } = await withProgress(`Reading ${describeEnvironment(from)}…`, async (signal, report) => {
    const aws = await deps.aws();
    const source = await readSelection(deps, from, nodes, hash, signal, report);
    const names = source.items.map((i) => nameIn(to, i.relative));
    const target = nodes.every((n) => n.type === 'secret' || n.type === 'parameter')
      ? await readItems(aws, to, names, hash, signal)
      : await readEnvironment(aws, to, hash, signal, report);
    return { source, target };
  });
  const existing = new Map(target.items.map((i) => [i.relative, i]));
  const unreadable = new Map(target.unreadable.map((u) => [u.relative, u.reason]));
  for (const u of source.unreadable) deps.log.warn(`not copied: ${u.name} could not be read (${u.reason})`);
  await copyWithPreview(deps, {
    from,
    to,
    sources: source.items.map((s) => ({ source: s, target: existing.get(s.relative), targetUnreadable: unreadable.get(s.relative) })),
    accounts: { from: source.account, to: target.account },
    hash,
    afterWrite: async () => {
      // A comparison that shows the target is compared again.
      const shown = deps.view.comparison;
      if (shown && [shown.a, shown.b].some((env) => sameEnvironment(env, to))) await compareAndShow(deps, shown.a, shown.b);
    },
  });
}

/** The environment a selection in the explorer lives in: its profile, Region, service and the folder all of it is under. */
function selectionEnvironment(nodes: readonly ExplorerNode[]): Environment {
  const scopes = nodes.map((n) => nodeScope(n)!);
  const first = scopes[0]!;
  if (scopes.some((s) => s.profile.name !== first.profile.name || s.region !== first.region || s.service !== first.service)) {
    throw new UserError('Select items of one service in one Region and profile to copy them together.');
  }
  const prefixes = nodes.map((n) => (n.type === 'folder' ? n.prefix : n.type === 'service' ? '' : folderOf(nameOf(n))));
  return { profile: first.profile.name, region: first.region!, service: first.service!, prefix: commonFolder(prefixes) };
}

function nameOf(node: ExplorerNode): string {
  return node.type === 'secret' ? node.secret.name : node.type === 'parameter' ? node.parameter.name : '';
}

function folderOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/') + 1);
}

/** The longest folder every prefix is in. */
function commonFolder(prefixes: readonly string[]): string {
  let common = prefixes[0] ?? '';
  for (const p of prefixes) while (!p.startsWith(common)) common = common.slice(0, common.slice(0, -1).lastIndexOf('/') + 1);
  return common;
}

/** Reads what is selected: folders (and a service) whole, items by name; relative names are relative to the selection's folder. */
async function readSelection(
  deps: EnvironmentsDeps,
  from: Environment,
  nodes: readonly ExplorerNode[],
  hash: Hasher,
  signal: AbortSignal,
  report: (message: string) => void,
): Promise<Snapshot> {
  const aws = await deps.aws();
  if (nodes.length === 0) return readEnvironment(aws, from, hash, signal, report);
  const parts: Snapshot[] = [];
  const names = nodes.filter((n) => n.type === 'secret' || n.type === 'parameter').map(nameOf);
  if (names.length) parts.push(await readItems(aws, from, names, hash, signal));
  for (const n of nodes) {
    if (n.type === 'folder') parts.push(await readEnvironment(aws, { ...from, prefix: n.prefix }, hash, signal, report));
    if (n.type === 'service') parts.push(await readEnvironment(aws, { ...from, prefix: '' }, hash, signal, report));
  }
  const relative = <T extends { name: string }>(item: T) => ({ ...item, relative: relativeName(from, item.name) ?? item.name });
  const items = new Map<string, ItemFacts>();
  for (const part of parts) for (const item of part.items) items.set(item.name, relative(item));
  return {
    environment: from,
    items: [...items.values()],
    unreadable: parts.flatMap((p) => p.unreadable.map(relative)),
    account: parts.find((p) => p.account)?.account,
  };
}

/** Where to copy to: profile, Region, service (the source's first) and the prefix, prefilled with the source's. */
async function askTarget(deps: EnvironmentsDeps, from: Environment): Promise<Environment> {
  const profile = await pickProfile(deps);
  const region = await pickRegion(deps, profile);
  const services: ItemService[] = from.service === 'secretsmanager' ? ['secretsmanager', 'ssm'] : ['ssm', 'secretsmanager'];
  const service = (
    await choose(deps.prompts, {
      title: `Copy ${describeEnvironment(from)} to…`,
      placeholder: `Service in ${region}`,
      items: services.map((s) => ({ label: SERVICE_NAMES[s], description: s === from.service ? 'same as the source' : undefined, service: s })),
    })
  ).service;
  const suggested = service === from.service ? from.prefix : service === 'ssm' ? `/${from.prefix}` : from.prefix.replace(/^\/+/, '');
  const prefix = await askPrefix(
    deps,
    service,
    suggested === '/' ? '' : suggested,
    `Copy ${describeEnvironment(from)} to ${SERVICE_NAMES[service]} in ${region}`,
  );
  const to = { profile, region, service, prefix };
  if (sameEnvironment(from, to))
    throw new UserError(`That is where the items are: choose another prefix, Region or profile to copy ${describeEnvironment(from)} to.`);
  return to;
}
