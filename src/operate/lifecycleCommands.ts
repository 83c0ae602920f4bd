import * as vscode from 'vscode';
import { describeItem, itemOnly, secretId, type ItemRef, type SecretRef } from '../aws/items';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { resolveItem } from '../ui/pickers';
import { refuseControlledWrite } from '../ui/writeGuard';
import { withProgress } from '../ui/progress';
import { ask, choose, confirm } from '../ui/wizard';
import type { OperateDeps } from './operateDeps';
import { RestoreOffers } from './restoreOffers';

/** Delete (with AWS's recovery window for secrets) and restore. Both confirm first. */
export function registerLifecycleCommands(deps: OperateDeps): vscode.Disposable[] {
  const offers = new RestoreOffers();
  return [
    offers,
    registerCommand(deps, Commands.delete, 'Delete', async (node?: ExplorerNode | ItemRef) => {
      const target = itemOnly(await resolveItem(deps, node, ['secretsmanager', 'ssm']));
      await refuseControlledWrite(deps.aws, target, {
        doing: 'Deleting it',
        to: 'delete it',
        onReplica: `To delete it, remove ${target.region} from the primary's replicas (Remove Replica Region), or promote it to a standalone secret first.`,
      });
      if (target.service === 'secretsmanager') await deleteSecret(deps, target, offers);
      else await deleteParameter(deps, target);
    }),
    registerCommand(deps, Commands.restore, 'Restore secret', async (node?: ExplorerNode | ItemRef) => {
      const target = itemOnly(await resolveItem(deps, node, ['secretsmanager'])) as SecretRef;
      const store = await (await deps.aws()).secrets(target.profile, target.region);
      await withProgress(`Restoring ${target.name}…`, (signal) => store.restore(secretId(target), { signal }));
      offers.withdraw(target);
      await deps.model.itemChanged(target);
      void deps.prompts.info(`Restored ${target.name}: it is no longer scheduled for deletion.`);
    }),
  ];
}

async function deleteSecret(deps: OperateDeps, target: SecretRef, offers: RestoreOffers): Promise<void> {
  const choice = await choose(deps.prompts, {
    title: `Delete ${describeItem(target)}`,
    placeholder: 'Until the window ends, the secret can be restored and its name stays taken',
    items: [
      { label: 'Delete with a 30-day recovery window', days: 30, description: 'default' },
      { label: 'Delete with a 14-day recovery window', days: 14 },
      { label: 'Delete with a 7-day recovery window', days: 7, description: 'the shortest AWS allows' },
      { label: 'Other recovery window…', days: -1 },
      { label: '$(warning) Delete permanently, without recovery…', days: 0, detail: 'Cannot be undone. You will be asked to type the name.' },
    ],
  });
  let days = choice.days;
  if (days === -1) {
    const typed = await ask(deps.prompts, {
      title: `Recovery window for ${target.name}`,
      prompt: 'Days before AWS deletes it for good (7–30)',
      value: '30',
      validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 7 && Number(v) <= 30 ? undefined : 'A whole number from 7 to 30.'),
    });
    days = Number(typed);
  }
  const store = await (await deps.aws()).secrets(target.profile, target.region);
  if (days === 0) {
    // Typing the name, not a click, is what stands between the user and an irreversible delete.
    await ask(deps.prompts, {
      title: `Delete ${target.name} permanently`,
      prompt: `This cannot be undone. Type the secret's name (${target.name}) to confirm.`,
      validate: (v) => (v === target.name ? undefined : 'Type the exact name to confirm.'),
    });
    await withProgress(`Deleting ${target.name}…`, (signal) => store.delete(secretId(target), { force: true }, { signal }));
    await deps.model.itemChanged(target);
    void deps.prompts.info(`Deleted ${target.name} permanently.`);
    return;
  }
  await confirm(
    deps.prompts,
    `Schedule ${describeItem(target)} for deletion in ${days} days?`,
    'Applications can no longer read it. You can restore it until the recovery window ends.',
    'Schedule Deletion',
  );
  const result = await withProgress(`Deleting ${target.name}…`, (signal) => store.delete(secretId(target), { recoveryWindowDays: days }, { signal }));
  await deps.model.itemChanged(target);
  const when = result.deletionDate ? `on ${result.deletionDate.toISOString().slice(0, 10)}` : `in ${days} days`;
  // A notification with a button can't be taken back once the secret is restored another way,
  // so the message has none and the undo is a status bar item that goes when it no longer applies.
  offers.offer(target);
  void deps.prompts.info(`${target.name} will be deleted ${when}. Restore it before then to keep it (status bar or explorer).`);
}

async function deleteParameter(deps: OperateDeps, target: ItemRef): Promise<void> {
  await confirm(
    deps.prompts,
    `Delete parameter ${describeItem(target)}?`,
    'Parameter Store deletes at once, with every version: this cannot be undone.',
    'Delete',
  );
  const store = await (await deps.aws()).parameters(target.profile, target.region);
  await withProgress(`Deleting ${target.name}…`, (signal) => store.delete(target.name, { signal }));
  await deps.model.itemChanged(target);
  void deps.prompts.info(`Deleted parameter ${target.name}.`);
}
