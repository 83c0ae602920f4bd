import * as vscode from 'vscode';
import type { SecretRef } from '../aws/items';
import type { AccessNode, CallFilter, HistoryReader, UnusedReport } from '../audit';
import { auditBundle } from '../loading/bundles';
import { ContextKeys, Views } from '../constants';
import { treeItemFrom } from '../ui/treeItems';

/** An access history being shown: what it is about, the reader that pages CloudTrail, how much of it is shown. */
export interface HistoryState {
  readonly kind: 'history';
  /** "prod/payments/db (demo, us-east-1)", "AKIA… (demo, us-east-1)". */
  readonly title: string;
  readonly profile: string;
  readonly region: string;
  readonly reader: HistoryReader;
  filter: CallFilter;
  /** How many events (passing the filter) to show: 50, then 100 after "Load more"… */
  limit: number;
  complete: boolean;
  searchedBack?: Date;
  /** Why the history could not be read (e.g. access denied to cloudtrail:LookupEvents), with the AwsError's kind. */
  problem?: { readonly message: string; readonly kind: string };
}

/** Unused secrets found in one or more Regions of a profile. */
export interface UnusedState {
  readonly kind: 'unused';
  readonly title: string;
  readonly days: number;
  readonly regions: readonly { readonly profile: string; readonly region: string; readonly report?: UnusedReport; readonly problem?: string }[];
}

export type AccessState = HistoryState | UnusedState;

/**
 * The AWS Access panel's view: one access history or one list of unused secrets at a time, as a
 * native tree. It holds CloudTrail metadata and secret metadata only, never a value.
 */
export class AccessView implements vscode.TreeDataProvider<AccessNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AccessNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly treeView: vscode.TreeView<AccessNode>;
  private current: AccessState | undefined;

  constructor() {
    this.treeView = vscode.window.createTreeView(Views.access, { treeDataProvider: this, showCollapseAll: false });
  }

  get state(): AccessState | undefined {
    return this.current;
  }

  /** Shows a state (or shows the current one again after it changed) and brings the panel to the front. */
  async show(state: AccessState, focus = true): Promise<void> {
    this.current = state;
    this.treeView.message = this.message(state);
    await vscode.commands.executeCommand('setContext', ContextKeys.accessShowing, state.kind);
    this.changed.fire(undefined);
    if (focus) await vscode.commands.executeCommand(`${Views.access}.focus`);
  }

  private message(state: AccessState): string {
    const audit = auditBundle();
    if (state.kind === 'unused') return `${state.title}: secrets not read for ${state.days} days or more. Cost at ${audit.priceNote()}.`;
    const back = state.complete
      ? `the last ${audit.HISTORY_DAYS} days`
      : state.searchedBack
        ? `back to ${state.searchedBack.toISOString().slice(0, 10)}`
        : 'so far';
    return `${state.title}: CloudTrail ${audit.filterWords(state.filter)}, newest first (${back}).`;
  }

  getChildren(node?: AccessNode): AccessNode[] {
    const state = this.current;
    if (!state) return [];
    if (state.kind === 'history') return node ? [] : historyChildren(state);
    return unusedChildren(state, node);
  }

  getTreeItem(node: AccessNode): vscode.TreeItem {
    return treeItemFrom(auditBundle().presentAccessNode(node), node.id, node);
  }

  dispose(): void {
    this.treeView.dispose();
    this.changed.dispose();
  }
}

function historyChildren(state: HistoryState): AccessNode[] {
  const subject = state.reader.subject;
  const nodes: AccessNode[] = state.reader.shown(state.filter, state.limit).map((event) => ({ type: 'event', id: `event:${event.eventId}`, event, subject }));
  if (state.problem) nodes.push({ type: 'problem', id: 'problem', message: state.problem.message, kind: state.problem.kind });
  else if (!state.complete || state.reader.count(state.filter) > state.limit) nodes.push({ type: 'more', id: 'more', searchedBack: state.searchedBack });
  else if (nodes.length === 0)
    nodes.push({ type: 'empty', id: 'empty', message: `No ${auditBundle().filterWords(state.filter)} in the last ${auditBundle().HISTORY_DAYS} days.` });
  return nodes;
}

function unusedChildren(state: UnusedState, node?: AccessNode): AccessNode[] {
  if (node?.type === 'region') {
    const entry = state.regions.find((r) => `region:${r.profile}:${r.region}` === node.id);
    return (entry?.report?.unused ?? []).map((secret) => ({
      type: 'unused',
      id: `unused:${entry!.profile}:${entry!.region}:${secret.summary.arn}`,
      secret,
      ref: {
        service: 'secretsmanager',
        profile: entry!.profile,
        region: entry!.region,
        name: secret.summary.name,
        arn: secret.summary.arn,
        summary: secret.summary,
      } satisfies SecretRef,
    }));
  }
  if (node) return [];
  return state.regions.map((r): AccessNode =>
    r.report
      ? { type: 'region', id: `region:${r.profile}:${r.region}`, region: r.region, report: r.report }
      : { type: 'problem', id: `problem:${r.profile}:${r.region}`, message: r.problem ?? 'Could not list secrets.', kind: 'failed' },
  );
}
