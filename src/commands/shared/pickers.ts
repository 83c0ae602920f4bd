import type * as vscode from 'vscode';
import { profileLabel } from '../../aws/profileNames';
import type { AwsRuntime } from '../../aws/types';
import { readExplorerSettings } from '../../config/settings';
import type { Prompts } from '../../ui/prompts';
import type { ExplorerNode } from '../../views/model/nodes';
import { nodeScope } from '../../views/model/nodeScope';
import { parameterDescription, secretDescription } from '../../views/model/presentation';
import { regionsFor, visibleProfiles } from '../../views/model/regions';
import { isItemTarget, targetFromNode, type ItemTarget } from './targets';
import { UserError } from './feedback';
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
 */
export async function resolveScope(deps: PickerDeps, arg?: ExplorerNode | ItemTarget): Promise<Scope> {
  if (isItemTarget(arg)) return { profile: arg.profile, region: arg.region };
  const fromNode = arg && nodeScope(arg);
  const profile = fromNode?.profile.name ?? (await pickProfile(deps));
  const region = fromNode?.region ?? (await pickRegion(deps, profile));
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
 * The item a command acts on: the one passed (a tree node, or a target when one command
 * hands over to another), or one picked (profile → region → item).
 */
export async function resolveItem(deps: PickerDeps, arg: ExplorerNode | ItemTarget | undefined, kinds: readonly ItemTarget['kind'][]): Promise<ItemTarget> {
  if (isItemTarget(arg) && kinds.includes(arg.kind)) return arg;
  const node = isItemTarget(arg) ? undefined : arg;
  const fromNode = targetFromNode(node);
  if (fromNode && kinds.includes(fromNode.kind)) return fromNode;
  const scope = await resolveScope(deps, node);
  const service = node ? nodeScope(node)?.service : undefined;
  const kind = kinds.length === 1 ? kinds[0] : service === 'ssm' ? 'parameter' : service === 'secretsmanager' ? 'secret' : await pickKind(deps.prompts);
  return pickItem(deps, scope, kind);
}

async function pickProfile(deps: PickerDeps): Promise<string> {
  const runtime = await deps.aws();
  const profiles = visibleProfiles(await runtime.listProfiles(), readExplorerSettings().profiles);
  if (profiles.length === 0) throw new UserError('No AWS profile found. Run "AWS Secrets: Open AWS Config File" to add one.');
  if (profiles.length === 1) return profiles[0].name;
  const last = deps.memory.get<string>(LAST_PROFILE);
  const items = profiles.map((p) => ({ label: profileLabel(p.name), description: [p.kind, p.region].filter(Boolean).join(' · '), name: p.name }));
  const choice = await choose(deps.prompts, { items, title: 'AWS profile', placeholder: 'Choose the profile to use', active: (item) => item.name === last });
  return choice.name;
}

async function pickRegion(deps: PickerDeps, profileName: string): Promise<string> {
  const runtime = await deps.aws();
  const profile = (await runtime.listProfiles()).find((p) => p.name === profileName);
  const regions = profile ? regionsFor(profile, readExplorerSettings().regions) : [];
  if (regions.length === 1) return regions[0];
  const last = deps.memory.get<string>(LAST_REGION);
  const other = { label: '$(edit) Other region…', region: '' };
  const choice = await choose(deps.prompts, {
    items: [...regions.map((region) => ({ label: region, region })), other],
    title: `Region for ${profileLabel(profileName)}`,
    placeholder: 'Choose a region',
    active: (item) => item.region === last,
  });
  if (choice !== other) return choice.region;
  const typed = await ask(deps.prompts, { title: 'Region', prompt: 'Region code', placeholder: 'e.g. eu-central-1', validate: (v) => (REGION_PATTERN.test(v.trim()) ? undefined : 'A region code such as eu-central-1.') });
  return typed.trim();
}

async function pickKind(prompts: Prompts): Promise<ItemTarget['kind']> {
  const choice = await choose(prompts, {
    title: 'Service',
    items: [
      { label: '$(key) Secrets Manager', itemKind: 'secret' as const },
      { label: '$(list-tree) Parameter Store', itemKind: 'parameter' as const },
    ],
  });
  return choice.itemKind;
}

interface ItemPick extends vscode.QuickPickItem {
  readonly target: ItemTarget;
}

/** A quick pick over a region's secrets or parameters; typing searches on the server, so thousands of items stay usable. */
export async function pickItem(deps: PickerDeps, scope: Scope, kind: ItemTarget['kind']): Promise<ItemTarget> {
  const runtime = await deps.aws();
  const search = async (filter: string): Promise<ItemPick[]> => {
    const query = { pageSize: 100, nameFilter: filter.trim() || undefined };
    if (kind === 'secret') {
      const page = await (await runtime.secrets(scope.profile, scope.region)).list(query);
      return page.items.map((s) => ({ label: s.name, description: secretDescription(s), target: { kind: 'secret', ...scope, name: s.name, arn: s.arn, summary: s } }));
    }
    const page = await (await runtime.parameters(scope.profile, scope.region)).list(query);
    return page.items.map((p) => ({ label: p.name, description: parameterDescription(p), target: { kind: 'parameter', ...scope, name: p.name, summary: p } }));
  };
  const chosen = await choose(deps.prompts, {
    items: () => search(''),
    title: `Choose a ${kind} (${scope.region}, ${profileLabel(scope.profile)})`,
    placeholder: kind === 'secret' ? 'Type the start of a name to search' : 'Type part of a name to search',
    search,
    matchOnDescription: true,
  });
  return chosen.target;
}
