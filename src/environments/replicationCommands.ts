import type * as vscode from 'vscode';
import { describeItem, isItemRef, secretId, type ItemRef, type SecretRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import type { ReplicaRegionInput, SecretSummary } from '../aws/types';
import { Commands } from '../constants';
import { readExplorerSettings } from '../settings/settings';
import type { ExplorerNode, ReplicaNode } from '../tree/nodes';
import { itemRefOf } from '../tree/itemRefs';
import { isReplica } from '../tree/presentation';
import { regionsFor } from '../tree/regions';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { kmsAliasItems } from '../ui/kmsKeys';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import { refuseControlledWrite } from '../ui/writeGuard';
import { ask, choose, confirm } from '../ui/wizard';
import type { EnvironmentsDeps } from './environmentsDeps';

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;
const DEFAULT_KEY = 'alias/aws/secretsmanager';

/** Multi-Region secrets: replicate to Regions, remove a replica Region, promote a replica to a standalone secret. */
export function registerReplicationCommands(deps: EnvironmentsDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.replicateToRegions, 'Replicate to Regions', async (node?: ExplorerNode | ItemRef) => {
      const target = (await resolveItem(deps, node, ['secretsmanager'])) as SecretRef;
      await refuseControlledWrite(deps.aws, target, { doing: 'Replicating it', to: 'replicate it to more Regions' });
      await replicate(deps, target);
    }),
    registerCommand(deps, Commands.removeReplicaRegion, 'Remove replica Region', async (node?: ExplorerNode | ItemRef) => {
      const { primary, region } = await replicaToRemove(deps, node);
      await confirm(
        deps.prompts,
        `Remove the replica of ${primary.name} in ${region}?`,
        `Secrets Manager deletes the replica in ${region} at once, with no recovery window. Applications that read it in ${region} lose it; the primary in ${primary.region} stays.`,
        'Remove Replica',
      );
      const store = await (await deps.aws()).secrets(primary.profile, primary.region);
      await withProgress(`Removing the replica of ${primary.name} in ${region}…`, (signal) => store.removeReplicas(secretId(primary), [region], { signal }));
      await Promise.all([deps.model.itemChanged(primary), deps.model.itemChanged({ ...primary, region, arn: undefined })]);
      void deps.prompts.info(`Removed the replica of ${primary.name} in ${region}.`);
    }),
    registerCommand(deps, Commands.promoteReplica, 'Promote replica', async (node?: ExplorerNode | ItemRef) => {
      const replica = (await resolveItem(deps, node, ['secretsmanager'])) as SecretRef;
      const summary = await withProgress(`Reading ${replica.name}…`, async (signal) =>
        (await (await deps.aws()).secrets(replica.profile, replica.region)).describe(secretId(replica), { signal }),
      );
      if (!isReplica(summary)) throw new UserError(`${describeItem(replica)} is not a replica: it is already a standalone secret.`);
      await confirm(
        deps.prompts,
        `Promote the replica of ${replica.name} in ${replica.region} to a standalone secret?`,
        `It stops receiving changes from its primary in ${summary.primaryRegion} and can be changed on its own (its value stays). This can't be undone; make sure applications in ${replica.region} should use it from now on.`,
        'Promote to Standalone',
      );
      const store = await (await deps.aws()).secrets(replica.profile, replica.region);
      await withProgress(`Promoting ${replica.name} in ${replica.region}…`, (signal) => store.stopReplication(secretId(replica), { signal }));
      const primary: SecretRef = { ...replica, region: summary.primaryRegion!, arn: undefined, summary: undefined };
      await Promise.all([deps.model.itemChanged(replica), deps.model.itemChanged(primary)]);
      void deps.prompts.info(`${replica.name} in ${replica.region} is now a standalone secret.`);
    }),
  ];
}

async function replicate(deps: EnvironmentsDeps, target: SecretRef): Promise<void> {
  const runtime = await deps.aws();
  const store = await runtime.secrets(target.profile, target.region);
  const summary = await withProgress(`Reading ${target.name}…`, (signal) => store.describe(secretId(target), { signal }));
  const taken = new Set([target.region, ...(summary.replication ?? []).map((r) => r.region)]);
  const profile = (await runtime.listProfiles()).find((p) => p.name === target.profile);
  const known = profile ? regionsFor(profile, readExplorerSettings().regions) : [];
  const chosen: ReplicaRegionInput[] = [];
  for (;;) {
    const region = await pickReplicaRegion(
      deps,
      target,
      known.filter((r) => !taken.has(r) && !chosen.some((c) => c.region === r)),
      [...taken, ...chosen.map((c) => c.region)],
    );
    const key = await choose(deps.prompts, {
      title: `KMS key for the replica in ${region}`,
      placeholder: `The replica is encrypted with a key of ${region}`,
      items: () => kmsAliasItems(deps.aws, { profile: target.profile, region }, DEFAULT_KEY),
      active: (item) => item.alias === DEFAULT_KEY,
    });
    chosen.push({ region, kmsKeyId: key.alias === DEFAULT_KEY ? undefined : key.alias });
    const next = await choose(deps.prompts, {
      title: `Replicate ${target.name} to ${chosen.map((c) => c.region).join(', ')}`,
      items: [
        { label: `$(check) Replicate now`, more: false },
        { label: '$(add) Add another Region…', more: true },
      ],
    });
    if (!next.more) break;
  }
  const overwrite = await existingInRegions(deps, target, chosen);
  const statuses = await withProgress(`Replicating ${target.name}…`, (signal) =>
    store.replicate(secretId(target), chosen, { signal, overwriteExisting: overwrite }),
  );
  await Promise.all([
    deps.model.itemChanged(target),
    ...chosen.map((c) => deps.model.itemChanged({ ...target, region: c.region, arn: undefined, summary: undefined })),
  ]);
  const failed = statuses.filter((s) => s.status === 'Failed');
  if (failed.length) {
    void deps.prompts.error(`Replication of ${target.name} failed in ${failed.map((f) => `${f.region}: ${f.message ?? 'no reason given'}`).join('; ')}`);
  } else {
    void deps.prompts.info(
      `Replicating ${target.name} to ${statuses.map((s) => `${s.region} (${s.status})`).join(', ')}. Expand it in the explorer to follow the status; the replicas are read-only.`,
    );
  }
}

async function pickReplicaRegion(deps: EnvironmentsDeps, target: SecretRef, offered: readonly string[], taken: readonly string[]): Promise<string> {
  const other = { label: '$(edit) Other Region…', region: '' };
  const choice = await choose(deps.prompts, {
    title: `Replicate ${target.name} (${target.region}, ${profileLabel(target.profile)}) to…`,
    placeholder: 'A Region for a read-only replica',
    items: [...offered.map((region) => ({ label: region, region })), other],
  });
  if (choice !== other) return choice.region;
  const typed = await ask(deps.prompts, {
    title: 'Replica Region',
    prompt: 'Region code',
    placeholder: 'e.g. eu-central-1',
    validate: (v) =>
      !REGION_PATTERN.test(v.trim())
        ? 'A Region code such as eu-central-1.'
        : taken.includes(v.trim())
          ? `${target.name} is already in ${v.trim()}.`
          : undefined,
  });
  return typed.trim();
}

/**
 * A secret of the same name in a chosen Region makes that replica fail, unless it is
 * overwritten: asked first (it replaces the other secret's value).
 */
async function existingInRegions(deps: EnvironmentsDeps, target: SecretRef, chosen: readonly ReplicaRegionInput[]): Promise<boolean> {
  const runtime = await deps.aws();
  const found = await withProgress(`Checking ${chosen.map((c) => c.region).join(', ')}…`, (signal) =>
    Promise.all(chosen.map(async (c) => ((await (await runtime.secrets(target.profile, c.region)).find(target.name, { signal })) ? c.region : undefined))),
  );
  const regions = found.filter((r): r is string => r !== undefined);
  if (regions.length === 0) return false;
  await confirm(
    deps.prompts,
    `${target.name} already exists in ${regions.join(', ')}. Overwrite it with the replica?`,
    'The secret there is replaced by a read-only replica of this one: its own value and versions are lost.',
    'Overwrite',
  );
  return true;
}

/** The primary and the Region to remove: from a replica node, a replica secret, or a primary (then the Region is asked). */
async function replicaToRemove(deps: EnvironmentsDeps, node: ExplorerNode | ItemRef | undefined): Promise<{ primary: SecretRef; region: string }> {
  if (node && !isItemRef(node) && node.type === 'replica') {
    const replicaNode = node as ReplicaNode;
    return { primary: itemRefOf(replicaNode.parent) as SecretRef, region: replicaNode.replica.region };
  }
  const ref = (await resolveItem(deps, node, ['secretsmanager'])) as SecretRef;
  const summary: SecretSummary = await withProgress(`Reading ${ref.name}…`, async (signal) =>
    (await (await deps.aws()).secrets(ref.profile, ref.region)).describe(secretId(ref), { signal }),
  );
  if (isReplica(summary))
    return { primary: { service: 'secretsmanager', profile: ref.profile, region: summary.primaryRegion!, name: ref.name }, region: ref.region };
  const replicas = summary.replication ?? [];
  if (replicas.length === 0) throw new UserError(`${describeItem(ref)} has no replicas.`);
  const picked = await choose(deps.prompts, {
    title: `Remove a replica of ${ref.name}`,
    items: replicas.map((r) => ({ label: r.region, description: r.status, region: r.region })),
  });
  return { primary: { ...ref, summary }, region: picked.region };
}
