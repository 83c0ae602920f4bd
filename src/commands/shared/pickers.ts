import * as vscode from 'vscode';
import { profileLabel } from '../../aws/profileNames';
import type { AwsRuntime } from '../../aws/types';
import { readExplorerSettings } from '../../config/settings';
import { regionsFor, visibleProfiles } from '../../views/model/regions';
import type { ExplorerNode } from '../../views/model/nodes';
import { nodeScope } from '../../views/model/nodeScope';
import { parameterDescription, secretDescription } from '../../views/model/presentation';
import { UserCancelled } from './feedback';
import { isItemTarget, targetFromNode, type ItemTarget } from './targets';

const LAST_PROFILE = 'awsSecrets.lastProfile';
const LAST_REGION = 'awsSecrets.lastRegion';
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

export interface PickerDeps {
  readonly aws: () => Promise<AwsRuntime>;
  /** Where the last profile and region are remembered (per workspace). */
  readonly memory: vscode.Memento;
}

export interface Scope {
  readonly profile: string;
  readonly region: string;
}

/**
 * Where to act: from the tree node when there is one, else asked with quick picks that
 * offer the last choice first.
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
  const kind = kinds.length === 1 ? kinds[0] : service === 'ssm' ? 'parameter' : service === 'secretsmanager' ? 'secret' : await pickKind();
  return pickItem(deps, scope, kind);
}

async function pickProfile(deps: PickerDeps): Promise<string> {
  const runtime = await deps.aws();
  const profiles = visibleProfiles(await runtime.listProfiles(), readExplorerSettings().profiles);
  if (profiles.length === 0) throw new Error('No AWS profile found. Run "AWS Secrets: Open AWS Config File" to add one.');
  if (profiles.length === 1) return profiles[0].name;
  const last = deps.memory.get<string>(LAST_PROFILE);
  const items = profiles
    .map((p) => ({ label: profileLabel(p.name), description: [p.kind, p.region].filter(Boolean).join(' · '), name: p.name }))
    .sort((a, b) => (a.name === last ? -1 : b.name === last ? 1 : 0));
  const choice = await vscode.window.showQuickPick(items, { title: 'AWS profile', placeHolder: 'Choose the profile to use' });
  if (!choice) throw new UserCancelled();
  return choice.name;
}

async function pickRegion(deps: PickerDeps, profileName: string): Promise<string> {
  const runtime = await deps.aws();
  const profile = (await runtime.listProfiles()).find((p) => p.name === profileName);
  const regions = profile ? regionsFor(profile, readExplorerSettings().regions) : [];
  const last = deps.memory.get<string>(LAST_REGION);
  if (regions.length === 1) return regions[0];
  const other = '$(edit) Other region…';
  const ordered = [...regions].sort((a, b) => (a === last ? -1 : b === last ? 1 : 0));
  const choice = await vscode.window.showQuickPick([...ordered, other], { title: `Region for ${profileLabel(profileName)}`, placeHolder: 'Choose a region' });
  if (!choice) throw new UserCancelled();
  if (choice !== other) return choice;
  const typed = await vscode.window.showInputBox({
    title: 'Region',
    placeHolder: 'e.g. eu-central-1',
    validateInput: (v) => (REGION_PATTERN.test(v.trim()) ? undefined : 'A region code such as eu-central-1.'),
  });
  if (!typed) throw new UserCancelled();
  return typed.trim();
}

async function pickKind(): Promise<ItemTarget['kind']> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(key) Secrets Manager', itemKind: 'secret' as const },
      { label: '$(list-tree) Parameter Store', itemKind: 'parameter' as const },
    ],
    { title: 'Service' },
  );
  if (!choice) throw new UserCancelled();
  return choice.itemKind;
}

interface ItemPick extends vscode.QuickPickItem {
  /** Absent on the item that explains a failed search. */
  readonly target?: ItemTarget;
}

/**
 * A quick pick over a region's secrets or parameters. Typing filters on the server (so
 * regions with thousands of items stay usable), debounced so a burst of keys is one call.
 */
export async function pickItem(deps: PickerDeps, scope: Scope, kind: ItemTarget['kind']): Promise<ItemTarget> {
  const runtime = await deps.aws();
  const what = kind === 'secret' ? 'secret' : 'parameter';
  const quickPick = vscode.window.createQuickPick<ItemPick>();
  quickPick.title = `Choose a ${what} (${scope.region}, ${profileLabel(scope.profile)})`;
  quickPick.placeholder = kind === 'secret' ? 'Type the start of a name to search' : 'Type part of a name to search';
  quickPick.matchOnDescription = true;

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async (filter: string) => {
    const mine = ++generation;
    quickPick.busy = true;
    try {
      const query = { pageSize: 100, nameFilter: filter.trim() || undefined };
      const items: ItemPick[] =
        kind === 'secret'
          ? (await (await runtime.secrets(scope.profile, scope.region)).list(query)).items.map((s) => ({
              label: s.name,
              description: secretDescription(s),
              target: { kind: 'secret', ...scope, name: s.name, arn: s.arn, summary: s },
            }))
          : (await (await runtime.parameters(scope.profile, scope.region)).list(query)).items.map((p) => ({
              label: p.name,
              description: parameterDescription(p),
              target: { kind: 'parameter', ...scope, name: p.name, summary: p },
            }));
      if (mine !== generation) return;
      quickPick.items = items;
    } catch (error) {
      if (mine !== generation) return;
      // alwaysShow keeps the explanation visible whatever the user has typed.
      quickPick.items = [{ label: `$(error) ${error instanceof Error ? error.message : String(error)}`, alwaysShow: true }];
    } finally {
      if (mine === generation) quickPick.busy = false;
    }
  };

  return new Promise<ItemTarget>((resolve, reject) => {
    const disposables = [
      quickPick.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void load(value), 250);
      }),
      quickPick.onDidAccept(() => {
        const picked = quickPick.selectedItems[0]?.target;
        if (!picked) return;
        resolve(picked);
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        if (timer) clearTimeout(timer);
        for (const d of disposables) d.dispose();
        quickPick.dispose();
        reject(new UserCancelled());
      }),
    ];
    quickPick.show();
    void load('');
  });
}
