import type * as vscode from 'vscode';
import { isItemRef, ITEM_NOUNS, type ItemRef, type ItemService } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import type { AwsRuntime } from '../aws/types';
import { readExplorerSettings } from '../settings/settings';
import { itemRefOf } from '../tree/itemRefs';
import type { ExplorerNode } from '../tree/nodes';
import { nodeScope } from '../tree/nodeScope';
import { parameterDescription, secretDescription } from '../tree/presentation';
import { regionsFor, visibleProfiles } from '../tree/regions';
import { UserError } from './errors';
import type { Prompts } from './prompts';
import { ask, choose } from './wizard';

const LAST_PROFILE = 'awsSecrets.lastProfile';
const LAST_REGION = 'awsSecrets.lastRegion';
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

export interface PickerDeps {
  readonly aws: () => Promise<AwsRuntime>;
  readonly prompts: Prompts;
  readonly memory: vscode.Memento;
}

export interface Scope {
  readonly profile: string;
  readonly region: string;
}

/**
 * Where to act: from the tree node (or target) when there is one, else asked with quick
 * picks that offer the last choice first. The choice is remembered per workspace.
 * `alwaysAsk`: ask even when there is only one profile or region to choose from — for writes
 * that a workspace file started, so that settings a workspace can change never pick the
 * account and region a value goes to.
 */
export async function resolveScope(deps: PickerDeps, arg?: ExplorerNode | ItemRef, options: { alwaysAsk?: boolean } = {}): Promise<Scope> {
  if (isItemRef(arg)) return { profile: arg.profile, region: arg.region };
  const fromNode = arg && nodeScope(arg);
  const profile = fromNode?.profile.name ?? (await pickProfile(deps, options.alwaysAsk));
  const region = fromNode?.region ?? (await pickRegion(deps, profile, options.alwaysAsk));
  await deps.memory.update(LAST_PROFILE, profile);
  await deps.memory.update(LAST_REGION, region);
  return { profile, region };
}

/** The last profile and region chosen in this workspace, if any. */
export function rememberedScope(deps: PickerDeps): Scope | undefined {
  const profile = deps.memory.get<string>(LAST_PROFILE);
  const region = deps.memory.get<string>(LAST_REGION);
  return profile && region ? { profile, region } : undefined;
}

/**
 * The item a command acts on: the one passed (a tree node, or an ItemRef when one command
 * hands over to another), or one picked (profile → region → service → item).
 */
export async function resolveItem(deps: PickerDeps, arg: ExplorerNode | ItemRef | undefined, services: readonly ItemService[]): Promise<ItemRef> {
  if (isItemRef(arg) && services.includes(arg.service)) return arg;
  const node = isItemRef(arg) ? undefined : arg;
  const fromNode = itemRefOf(node);
  if (fromNode && services.includes(fromNode.service)) return fromNode;
  const scope = await resolveScope(deps, node);
  const nodeService = node ? nodeScope(node)?.service : undefined;
  const service = services.length === 1 ? services[0] : (nodeService ?? (await pickService(deps.prompts)));
  return pickItem(deps, scope, service);
}

/** A profile from the visible ones (no question when there is only one). */
export async function pickProfile(deps: PickerDeps, alwaysAsk = false): Promise<string> {
  const runtime = await deps.aws();
  const profiles = visibleProfiles(await runtime.listProfiles(), readExplorerSettings().profiles);
  if (profiles.length === 0) throw new UserError('No AWS profile found. Run "AWS Secrets: Open AWS Config File" to add one.');
  if (profiles.length === 1 && !alwaysAsk) return profiles[0].name;
  const last = deps.memory.get<string>(LAST_PROFILE);
  const items = profiles.map((p) => ({ label: profileLabel(p.name), description: [p.kind, p.region].filter(Boolean).join(' · '), name: p.name }));
  const choice = await choose(deps.prompts, { items, title: 'AWS profile', placeholder: 'Choose the profile to use', active: (item) => item.name === last });
  return choice.name;
}

/** A Region of the profile: its own and the configured ones, or one typed in. */
export async function pickRegion(deps: PickerDeps, profileName: string, alwaysAsk = false): Promise<string> {
  const runtime = await deps.aws();
  const profile = (await runtime.listProfiles()).find((p) => p.name === profileName);
  const regions = profile ? regionsFor(profile, readExplorerSettings().regions) : [];
  if (regions.length === 1 && !alwaysAsk) return regions[0];
  const last = deps.memory.get<string>(LAST_REGION);
  const other = { label: '$(edit) Other region…', region: '' };
  const choice = await choose(deps.prompts, {
    items: [...regions.map((region) => ({ label: region, region })), other],
    title: `Region for ${profileLabel(profileName)}`,
    placeholder: 'Choose a region',
    active: (item) => item.region === last,
  });
  if (choice !== other) return choice.region;
  const typed = await ask(deps.prompts, {
    title: 'Region',
    prompt: 'Region code',
    placeholder: 'e.g. eu-central-1',
    validate: (v) => (REGION_PATTERN.test(v.trim()) ? undefined : 'A region code such as eu-central-1.'),
  });
  return typed.trim();
}

/** Secrets Manager or Parameter Store: the one service question every command asks. */
export async function pickService(prompts: Prompts, title = 'Service'): Promise<ItemService> {
  const choice = await choose(prompts, {
    title,
    items: [
      { label: '$(key) Secrets Manager', service: 'secretsmanager' as const },
      { label: '$(list-tree) Parameter Store', service: 'ssm' as const },
    ],
  });
  return choice.service;
}

interface ItemPick extends vscode.QuickPickItem {
  readonly item: ItemRef;
}

/** A quick pick over a region's secrets or parameters; typing searches on the server, so thousands of items stay usable. */
export async function pickItem(deps: PickerDeps, scope: Scope, service: ItemService): Promise<ItemRef> {
  const runtime = await deps.aws();
  const search = async (filter: string): Promise<ItemPick[]> => {
    const query = { pageSize: 100, nameFilter: filter.trim() || undefined };
    if (service === 'secretsmanager') {
      const page = await (await runtime.secrets(scope.profile, scope.region)).list(query);
      return page.items.map((s) => ({ label: s.name, description: secretDescription(s), item: { service, ...scope, name: s.name, arn: s.arn, summary: s } }));
    }
    const page = await (await runtime.parameters(scope.profile, scope.region)).list(query);
    return page.items.map((p) => ({ label: p.name, description: parameterDescription(p), item: { service, ...scope, name: p.name, summary: p } }));
  };
  const chosen = await choose(deps.prompts, {
    items: () => search(''),
    title: `Choose a ${ITEM_NOUNS[service]} (${scope.region}, ${profileLabel(scope.profile)})`,
    placeholder: service === 'secretsmanager' ? 'Type the start of a name to search' : 'Type part of a name to search',
    search,
    matchOnDescription: true,
  });
  return chosen.item;
}
