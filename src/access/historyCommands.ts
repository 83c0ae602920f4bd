import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { describeItem, findItem, ITEM_SERVICES, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import type { CallFilter, HistorySubject } from '../audit';
import { Commands } from '../constants';
import { auditBundle } from '../loading/bundles';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { AccessDeps } from './accessDeps';
import type { HistoryState } from './accessView';

const FILTERS: readonly { label: string; filter: CallFilter; detail: string }[] = [
  { label: 'All calls', filter: 'all', detail: 'Reads and writes' },
  { label: 'Reads', filter: 'reads', detail: 'Calls CloudTrail marks read-only: GetSecretValue, GetParameter, DescribeSecret, Decrypt…' },
  { label: 'Writes', filter: 'writes', detail: 'Calls that change something: PutSecretValue, PutParameter, DeleteSecret, TagResource…' },
];

/** Show Access History…, its filter, Load More and Refresh. */
export function registerHistoryCommands(deps: AccessDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.showAccessHistory, 'Show access history', async (arg?: ExplorerNode | ItemRef) => {
      const ref = await resolveItem(deps, arg, ITEM_SERVICES);
      const subject: HistorySubject = { kind: 'item', service: ref.service, name: ref.name, arn: await arnOf(deps, ref) };
      await openHistory(deps, subject, describeItem(ref), ref.profile, ref.region);
    }),
    registerCommand(deps, Commands.filterAccessHistory, 'Filter access history', async () => {
      const state = requireHistory(deps);
      const chosen = await deps.prompts.pick(
        FILTERS.map((f) => ({ ...f, description: f.filter === state.filter ? 'shown now' : undefined })),
        { title: 'Show which calls', active: (item) => item.filter === state.filter },
      );
      if (!chosen || typeof chosen === 'symbol') return;
      state.filter = chosen.filter;
      state.limit = auditBundle().PAGE_SIZE;
      await read(deps, state);
    }),
    registerCommand(deps, Commands.loadMoreAccessHistory, 'Load more access history', async () => {
      const state = requireHistory(deps);
      state.limit = Math.max(state.limit, state.reader.shown(state.filter, state.limit).length) + auditBundle().PAGE_SIZE;
      await read(deps, state);
    }),
    registerCommand(deps, Commands.refreshAccessView, 'Refresh the Access view', async () => {
      const state = deps.view.state;
      if (state?.kind === 'history') await openHistory(deps, state.reader.subject, state.title, state.profile, state.region, state.filter);
      else if (state?.kind === 'unused') await vscode.commands.executeCommand(Commands.findUnusedSecrets, state);
    }),
  ];
}

/** Starts reading a subject's CloudTrail history in the profile's account and Region, and shows its first page. */
export async function openHistory(
  deps: AccessDeps,
  subject: HistorySubject,
  title: string,
  profile: string,
  region: string,
  filter: CallFilter = 'all',
): Promise<HistoryState> {
  const audit = auditBundle();
  const store = await (await deps.aws()).trail(profile, region);
  const state: HistoryState = {
    kind: 'history',
    title: subject.kind === 'accessKey' ? `${title} (${profileLabel(profile)}, ${region})` : title,
    profile,
    region,
    reader: new audit.HistoryReader(store, subject, Date.now()),
    filter,
    limit: audit.PAGE_SIZE,
    complete: false,
  };
  await read(deps, state);
  return state;
}

/** Reads until the state's page is full (or CloudTrail has no more) and shows it; a refusal is shown in the view, with what to ask for. */
async function read(deps: AccessDeps, state: HistoryState): Promise<void> {
  state.problem = undefined;
  try {
    const result = await withProgress(`Reading CloudTrail events of ${state.title}…`, (signal) => state.reader.ensure(state.limit, state.filter, signal));
    state.complete = result.complete;
    state.searchedBack = result.searchedBack;
  } catch (error) {
    if (!isAwsError(error) || error.kind === 'cancelled') throw error;
    state.problem = { message: error.message, kind: error.kind };
    deps.log.warn(`access history of ${state.title}: ${error.message}`);
  }
  deps.log.info(
    `access history of ${state.title}: ${state.reader.count(state.filter)} ${auditBundle().filterWords(state.filter)} found${state.complete ? '' : ' so far'}`,
  );
  await deps.view.show(state);
}

/**
 * The item's ARN, which CloudTrail names its resources by: known from the tree, else described. An
 * item that cannot be described (deleted since) is looked up by name: its history is still there.
 */
async function arnOf(deps: AccessDeps, ref: ItemRef): Promise<string | undefined> {
  const known = ref.service === 'secretsmanager' ? ref.arn : undefined;
  if (known ?? ref.summary?.arn) return known ?? ref.summary?.arn;
  try {
    return (await findItem(await deps.aws(), ref))?.arn;
  } catch (error) {
    if (!isAwsError(error)) throw error;
    deps.log.debug(`access history of ${describeItem(ref)}: looked up by name (${error.message})`);
    return undefined;
  }
}

function requireHistory(deps: AccessDeps): HistoryState {
  const state = deps.view.state;
  if (state?.kind !== 'history') throw new UserError('No access history is shown. Run "Show Access History…" on a secret or parameter first.');
  return state;
}
