import * as vscode from 'vscode';
import type { ItemRef } from '../aws/items';
import { compareSnapshots, type Comparison, type EntryState } from '../compare/compare';
import { describeEnvironment, type Environment } from '../compare/environment';
import type { ItemFacts } from '../compare/facts';
import { createHasher } from '../compare/fingerprint';
import type { ComparisonNode } from '../compare/presentation';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import { environmentOf, pickOtherEnvironment } from './environmentPickers';
import type { EnvironmentsDeps } from './environmentsDeps';
import { readEnvironment, withParameterTags } from './readEnvironment';

/** Compare With…, Compare Again, Swap, Clear, and Show Difference for one pair. */
export function registerCompareCommands(deps: EnvironmentsDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.compareWith, 'Compare environments', async (node?: ExplorerNode) => {
      const a = await environmentOf(deps, node, 'Compare');
      const b = await pickOtherEnvironment(deps, a, node);
      await compareAndShow(deps, a, b);
    }),
    registerCommand(deps, Commands.compareAgain, 'Compare again', async () => {
      const current = requireComparison(deps);
      await compareAndShow(deps, current.a, current.b);
    }),
    registerCommand(deps, Commands.swapComparison, 'Swap sides', async () => {
      const current = requireComparison(deps);
      await compareAndShow(deps, current.b, current.a);
    }),
    registerCommand(deps, Commands.clearComparison, 'Clear comparison', () => deps.view.clear()),
    registerCommand(deps, Commands.showDifference, 'Show difference', async (node?: ComparisonNode) => {
      const current = requireComparison(deps);
      const entry = node?.type === 'entry' ? node.entry : undefined;
      if (!entry?.a || !entry.b) throw new UserError('Choose an entry that both environments have, in the comparison view.');
      // The diff editor and its value documents belong to Operate: handed over as two ItemRefs.
      await vscode.commands.executeCommand(Commands.compareWithItem, refOf(current.a, entry.a), refOf(current.b, entry.b));
    }),
  ];
}

/** Reads both environments (at the same time), compares them and shows the result. */
export async function compareAndShow(deps: EnvironmentsDeps, a: Environment, b: Environment): Promise<Comparison> {
  const comparison = await withProgress(`Comparing ${describeEnvironment(a)} with ${describeEnvironment(b)}…`, async (signal, report) => {
    const aws = await deps.aws();
    const hash = createHasher();
    const [left, right] = await Promise.all([readEnvironment(aws, a, hash, signal, report), readEnvironment(aws, b, hash, signal, report)]);
    const both = new Set(left.items.map((i) => i.relative).filter((r) => right.items.some((i) => i.relative === r)));
    const [taggedA, taggedB] = await Promise.all([withParameterTags(aws, left, both, signal), withParameterTags(aws, right, both, signal)]);
    return { comparison: compareSnapshots(taggedA, taggedB), hash };
  });
  await deps.view.show(comparison.comparison, comparison.hash);
  deps.log.info(`compared ${describeEnvironment(a)} with ${describeEnvironment(b)}: ${counts(comparison.comparison)}`);
  return comparison.comparison;
}

function counts(c: Comparison): string {
  const n = (state: EntryState) => c.entries.filter((e) => e.state === state).length;
  return `${n('onlyA')} only in A, ${n('onlyB')} only in B, ${n('different')} different, ${n('metadata')} with other metadata, ${n('equal')} equal, ${c.unreadable.length} not compared`;
}

export function requireComparison(deps: EnvironmentsDeps): Comparison {
  const current = deps.view.comparison;
  if (!current) throw new UserError('No comparison is open. Run "AWS Secrets: Compare With…" first.');
  return current;
}

/** The ItemRef of one side's item, for commands that act on one secret or parameter. */
export function refOf(env: Environment, item: ItemFacts): ItemRef {
  return env.service === 'secretsmanager'
    ? { service: 'secretsmanager', profile: env.profile, region: env.region, name: item.name, arn: item.arn }
    : { service: 'ssm', profile: env.profile, region: env.region, name: item.name };
}
