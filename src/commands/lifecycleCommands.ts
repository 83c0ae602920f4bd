import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { ExplorerNode } from '../views/model/nodes';
import type { CommandDeps } from './shared/deps';
import { registerCommand, UserCancelled, withProgress } from './shared/feedback';
import { resolveItem } from './shared/pickers';
import { describeTarget, secretId, treeItemChanged, type ItemTarget, type SecretTarget } from './shared/targets';

/** Delete (with AWS's recovery window for secrets) and restore. Both confirm first. */
export function registerLifecycleCommands(deps: CommandDeps): vscode.Disposable[] {
  const changed = (t: ItemTarget) => treeItemChanged(deps.model, t);

  return [
    registerCommand(deps.log, Commands.delete, 'Delete', async (node?: ExplorerNode | ItemTarget) => {
      const target = await resolveItem(deps, node, ['secret', 'parameter']);
      if (target.kind === 'secret') await deleteSecret(deps, target);
      else await deleteParameter(deps, target);
      await changed(target);
    }),
    registerCommand(deps.log, Commands.restore, 'Restore secret', async (node?: ExplorerNode | ItemTarget) => {
      const target = (await resolveItem(deps, node, ['secret'])) as SecretTarget;
      const store = await (await deps.aws()).secrets(target.profile, target.region);
      await withProgress(`Restoring ${target.name}…`, (signal) => store.restore(secretId(target), { signal }));
      await changed(target);
      void vscode.window.showInformationMessage(`Restored ${target.name}: it is no longer scheduled for deletion.`);
    }),
  ];
}

async function deleteSecret(deps: CommandDeps, target: SecretTarget): Promise<void> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Delete with a 30-day recovery window', days: 30, description: 'default' },
      { label: 'Delete with a 14-day recovery window', days: 14 },
      { label: 'Delete with a 7-day recovery window', days: 7, description: 'the shortest AWS allows' },
      { label: 'Other recovery window…', days: -1 },
      { label: '$(warning) Delete permanently, without recovery…', days: 0, detail: 'Cannot be undone. You will be asked to type the name.' },
    ],
    { title: `Delete ${describeTarget(target)}`, placeHolder: 'Until the window ends, the secret can be restored and its name stays taken' },
  );
  if (!choice) throw new UserCancelled();
  let days = choice.days;
  if (days === -1) {
    const typed = await vscode.window.showInputBox({
      title: `Recovery window for ${target.name}`,
      prompt: 'Days before AWS deletes it for good (7–30)',
      value: '30',
      validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 7 && Number(v) <= 30 ? undefined : 'A whole number from 7 to 30.'),
    });
    if (!typed) throw new UserCancelled();
    days = Number(typed);
  }
  const store = await (await deps.aws()).secrets(target.profile, target.region);
  if (days === 0) {
    const typed = await vscode.window.showInputBox({
      title: `Delete ${target.name} permanently`,
      prompt: `This cannot be undone. Type the secret's name (${target.name}) to confirm.`,
      validateInput: (v) => (v === target.name ? undefined : 'Type the exact name to confirm.'),
    });
    if (typed !== target.name) throw new UserCancelled();
    await withProgress(`Deleting ${target.name}…`, (signal) => store.delete(secretId(target), { force: true }, { signal }));
    void vscode.window.showInformationMessage(`Deleted ${target.name} permanently.`);
    return;
  }
  const confirm = await vscode.window.showWarningMessage(
    `Schedule ${describeTarget(target)} for deletion in ${days} days?`,
    { modal: true, detail: 'Applications can no longer read it. You can restore it until the recovery window ends.' },
    'Schedule Deletion',
  );
  if (confirm !== 'Schedule Deletion') throw new UserCancelled();
  const result = await withProgress(`Deleting ${target.name}…`, (signal) => store.delete(secretId(target), { recoveryWindowDays: days }, { signal }));
  const when = result.deletionDate ? result.deletionDate.toISOString().slice(0, 10) : `in ${days} days`;
  const restore = await vscode.window.showInformationMessage(`${target.name} will be deleted on ${when}. Restore it before then to keep it.`, 'Undo (Restore)');
  if (restore) await vscode.commands.executeCommand(Commands.restore, target);
}

async function deleteParameter(deps: CommandDeps, target: ItemTarget): Promise<void> {
  const confirm = await vscode.window.showWarningMessage(
    `Delete parameter ${describeTarget(target)}?`,
    { modal: true, detail: 'Parameter Store deletes at once, with every version: this cannot be undone.' },
    'Delete',
  );
  if (confirm !== 'Delete') throw new UserCancelled();
  const store = await (await deps.aws()).parameters(target.profile, target.region);
  await withProgress(`Deleting ${target.name}…`, (signal) => store.delete(target.name, { signal }));
  void vscode.window.showInformationMessage(`Deleted parameter ${target.name}.`);
}
