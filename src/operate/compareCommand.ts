import * as vscode from 'vscode';
import { isItemRef, itemOnly, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { OperateDeps } from './operateDeps';
import { VIEW_SCHEME } from './valueFileSystem';

/**
 * "Compare Value With…": two items side by side in the diff editor — the one clicked (or
 * picked) and another one anywhere, e.g. the same secret in another Region or account. Other
 * features open it for a pair they name by passing two ItemRefs; the values go through the
 * read-only value documents like every reveal.
 */
export function registerCompareCommand(deps: OperateDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.compareWithItem, 'Compare value', async (node?: ExplorerNode | ItemRef, other?: unknown) => {
      const left = await resolveItem(deps, node, ['secretsmanager', 'ssm']);
      // From the tree, the second argument is the selection (an array): then the other item is picked.
      const right = isItemRef(other) ? other : await resolveItem(deps, undefined, ['secretsmanager', 'ssm']);
      await openPairDiff(deps, left, right);
    }),
  ];
}

async function openPairDiff(deps: OperateDeps, left: ItemRef, right: ItemRef): Promise<void> {
  const [leftUri, rightUri] = await withProgress(`Reading ${left.name} and ${right.name}…`, (signal) =>
    Promise.all([deps.documents.prepare(VIEW_SCHEME, itemOnly(left), signal), deps.documents.prepare(VIEW_SCHEME, itemOnly(right), signal)]),
  );
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${where(left, right)} ↔ ${where(right, left)}`, { preview: true });
}

/** The shortest name that tells the two apart: the name, plus the Region and profile where they differ. */
function where(ref: ItemRef, other: ItemRef): string {
  const parts = [ref.name];
  if (ref.region !== other.region) parts.push(ref.region);
  if (ref.profile !== other.profile) parts.push(profileLabel(ref.profile));
  return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0]!;
}
