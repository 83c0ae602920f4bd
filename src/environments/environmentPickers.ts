import { SERVICE_NAMES, type ItemService } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import { parameterNameProblem, secretNameProblem } from '../aws/validation';
import { describeEnvironment, sameEnvironment, type Environment } from '../compare/environment';
import { readExplorerSettings } from '../settings/settings';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerNode, FolderNode } from '../tree/nodes';
import { nodeScope } from '../tree/nodeScope';
import { visibleProfiles } from '../tree/regions';
import { pickProfile, pickRegion, pickService, type PickerDeps } from '../ui/pickers';
import { ask, choose } from '../ui/wizard';

/** The environment a tree node stands for, asking for what the node does not say (Region, service). */
export async function environmentOf(deps: PickerDeps, node: ExplorerNode | undefined, title: string): Promise<Environment> {
  if (node?.type === 'folder') return { profile: node.parent.profile.name, region: node.parent.region, service: node.parent.service, prefix: node.prefix };
  const scope = node ? nodeScope(node) : undefined;
  const profile = scope?.profile.name ?? (await pickProfile(deps));
  const region = scope?.region ?? (await pickRegion(deps, profile));
  const service = scope?.service ?? (await pickService(deps.prompts, `${title}: service in ${region}`));
  // From a profile, Region or service node (or the palette), the whole service unless a prefix is typed.
  const prefix = node ? '' : await askPrefix(deps, service, '', `${title}: ${SERVICE_NAMES[service]} in ${region} (${profileLabel(profile)})`);
  return { profile, region, service, prefix };
}

/** A prefix (folder) in a service, checked with the service's own name rules; empty means everything. */
export async function askPrefix(deps: PickerDeps, service: ItemService, value: string, title: string): Promise<string> {
  const typed = await ask(deps.prompts, {
    title,
    prompt: service === 'ssm' ? 'Path prefix, e.g. /app/prod/ (leave empty for every parameter)' : 'Name prefix, e.g. prod/ (leave empty for every secret)',
    value,
    validate: (v) => prefixProblem(service, v.trim()),
  });
  return typed.trim();
}

function prefixProblem(service: ItemService, prefix: string): string | undefined {
  if (prefix === '') return undefined;
  // A prefix is a name without its last part: check it with a placeholder last part.
  const problem = service === 'ssm' ? parameterNameProblem(`${prefix.endsWith('/') ? prefix : `${prefix}/`}x`) : secretNameProblem(`${prefix}x`);
  return problem && `Not a possible start of a name: ${problem}`;
}

interface OtherChoice {
  readonly label: string;
  readonly description?: string;
  readonly environment?: Environment;
  readonly ask?: 'region' | 'profile' | 'service' | 'prefix';
}

/**
 * The second side of a comparison: a sibling folder, the same folder in another Region or
 * profile, the other service, or any prefix typed in.
 */
export async function pickOtherEnvironment(deps: PickerDeps & { model: ExplorerModel }, a: Environment, node: ExplorerNode | undefined): Promise<Environment> {
  const title = `Compare ${describeEnvironment(a)} with…`;
  const siblings = node?.type === 'folder' ? await siblingFolders(deps.model, node) : [];
  const profiles = visibleProfiles(await (await deps.aws()).listProfiles(), readExplorerSettings().profiles);
  const what = a.prefix || 'everything';
  const other: ItemService = a.service === 'secretsmanager' ? 'ssm' : 'secretsmanager';
  const items: OtherChoice[] = [
    ...siblings.map((prefix) => ({ label: `$(folder) ${prefix}`, description: `${a.region} · ${profileLabel(a.profile)}`, environment: { ...a, prefix } })),
    { label: `$(globe) ${what} in another Region…`, ask: 'region' },
    ...(profiles.length > 1 ? [{ label: `$(account) ${what} in another profile…`, ask: 'profile' as const }] : []),
    { label: `$(arrow-swap) ${SERVICE_NAMES[other]} in ${a.region}…`, ask: 'service' },
    { label: '$(edit) Another prefix…', ask: 'prefix' },
  ];
  const choice = await choose(deps.prompts, { title, placeholder: 'The environment to compare with', items });
  let b: Environment;
  if (choice.environment) b = choice.environment;
  else if (choice.ask === 'region') b = { ...a, region: await pickRegion(deps, a.profile) };
  else if (choice.ask === 'profile') {
    const profile = await pickProfile(deps);
    b = { ...a, profile, region: await pickRegion(deps, profile) };
  } else if (choice.ask === 'service') {
    const suggested = other === 'ssm' ? `/${a.prefix.replace(/^\/+/, '')}` : a.prefix.replace(/^\/+/, '');
    b = { ...a, service: other, prefix: await askPrefix(deps, other, suggested === '/' ? '' : suggested, title) };
  } else b = { ...a, prefix: await askPrefix(deps, a.service, a.prefix, title) };
  if (sameEnvironment(a, b)) return pickOtherEnvironment(deps, a, node);
  return b;
}

/** The folders beside `folder` that the explorer has loaded (its parent's other sub-folders). */
async function siblingFolders(model: ExplorerModel, folder: FolderNode): Promise<string[]> {
  const parentPrefix = folder.prefix.slice(0, folder.prefix.slice(0, -1).lastIndexOf('/') + 1);
  let level: ExplorerNode[] = await model.getChildren(folder.parent);
  for (;;) {
    const folders = level.filter((n): n is FolderNode => n.type === 'folder');
    if (folders.some((f) => f.prefix === folder.prefix) || !parentPrefix) return folders.map((f) => f.prefix).filter((p) => p !== folder.prefix);
    const down = folders.find((f) => parentPrefix.startsWith(f.prefix));
    if (!down) return [];
    level = await model.getChildren(down);
  }
}
