import type * as vscode from 'vscode';
import { describeItem, type ItemRef, type ParameterRef } from '../aws/items';
import { expirationOf, parseExpiration, withExpiration } from '../aws/parameterPolicies';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { formatDate, formatDateTime } from '../tree/presentation';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import { ask, choose, confirm } from '../ui/wizard';
import type { OperateDeps } from './operateDeps';

/**
 * "Set Expiration…" on a parameter: adds, changes or removes its Expiration policy (and an
 * optional notification before it), keeping its other policies. AWS changes policies only
 * through PutParameter, which needs the value: the current value is written back unchanged
 * as a new version, after checking that nobody wrote one meanwhile.
 */
export function registerExpirationCommand(deps: OperateDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.setExpiration, 'Set expiration', async (node?: ExplorerNode | ItemRef) => {
      const target = (await resolveItem(deps, node, ['ssm'])) as ParameterRef;
      await setExpiration(deps, target);
    }),
  ];
}

async function setExpiration(deps: OperateDeps, target: ParameterRef): Promise<void> {
  const store = await (await deps.aws()).parameters(target.profile, target.region);
  const summary = await withProgress(`Reading ${target.name}…`, (signal) => store.describe(target.name, { signal }));
  const current = expirationOf(summary.policies);
  const choice = await choose(deps.prompts, {
    title: `Expiration of ${describeItem(target)}`,
    placeholder: current ? `It expires ${formatDateTime(current)}: Parameter Store deletes it then` : 'Parameter Store deletes the parameter when it expires',
    items: [
      { label: current ? 'Change the expiration…' : 'Expire on a date…', remove: false },
      ...(current ? [{ label: 'Remove the expiration', remove: true, description: 'keeps the parameter and its value' }] : []),
    ],
  });
  let expiresAt: Date | undefined;
  let notifyDays: number | undefined;
  if (!choice.remove) {
    const typed = await ask(deps.prompts, {
      title: `Expiration of ${target.name}`,
      prompt: 'A date (2030-01-31), a date and time (2030-01-31T18:00Z) or a number of days (30d)',
      value: current ? formatDate(current) : '',
      validate: (v) => {
        const parsed = parseExpiration(v);
        return 'problem' in parsed ? parsed.problem : undefined;
      },
    });
    expiresAt = (parseExpiration(typed) as { date: Date }).date;
    const days = await ask(deps.prompts, {
      title: `Expiration of ${target.name}`,
      prompt: 'Days before the expiration to send an EventBridge notification (leave empty for none)',
      validate: (v) => (v.trim() === '' || (/^\d{1,3}$/.test(v.trim()) && Number(v) >= 1) ? undefined : 'A whole number of days, 1 to 999, or nothing.'),
    });
    notifyDays = days.trim() ? Number(days) : undefined;
  }
  if (summary.tier !== 'Advanced' && expiresAt) {
    await confirm(
      deps.prompts,
      `Move ${target.name} to the Advanced tier?`,
      'Parameter policies need the Advanced tier, which is charged per parameter per month. A parameter cannot go back to the Standard tier.',
      'Use Advanced Tier',
    );
  }
  await withProgress(`Setting the expiration of ${target.name}…`, async (signal) => {
    const value = await store.getValue(target.name, {}, { signal });
    // PutParameter needs the value: write back exactly the current one, unless a new version arrived meanwhile.
    if (value.version !== summary.version)
      throw new UserError(`${target.name} changed in AWS meanwhile (now version ${value.version}). Nothing was written; try again.`);
    await store.put(
      {
        name: target.name,
        value: value.value,
        type: summary.type,
        overwrite: true,
        keyId: summary.type === 'SecureString' ? summary.keyId : undefined,
        tier: expiresAt || summary.tier === 'Advanced' ? 'Advanced' : summary.tier,
        policies: withExpiration(summary.policies ?? [], expiresAt, notifyDays),
      },
      { signal },
    );
  });
  await deps.model.itemChanged({ service: 'ssm', profile: target.profile, region: target.region, name: target.name });
  void deps.prompts.info(
    expiresAt
      ? `${target.name} expires ${formatDateTime(expiresAt)}${notifyDays ? `, with a notification ${notifyDays} day${notifyDays === 1 ? '' : 's'} before` : ''} (a new version with the same value).`
      : `${target.name} no longer expires (a new version with the same value).`,
  );
}
