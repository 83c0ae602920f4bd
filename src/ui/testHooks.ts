import * as vscode from 'vscode';
import type { AccessNode } from '../audit/presentation';
import type { ComparisonNode } from '../compare/presentation';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerNode } from '../tree/nodes';
import { clipboardClearsSettled } from './clipboard';
import type { Prompts } from './prompts';
import type { SwitchablePrompts } from './switchablePrompts';

/** Set by the project's test harness (test/harness) in the environment of the VS Code it starts. */
export const TEST_HOOKS_VARIABLE = 'AWS_SECRETS_LENS_TEST_HOOKS';

/**
 * What activate() returns to the project's own in-host tests and benchmark. Never to anyone
 * else: `usePrompts` replaces every question the extension asks (MFA codes and values too),
 * so an installed extension that could reach it could read and answer them.
 */
/** The explorer's TreeDataProvider, as the tests walk it. */
export interface ExplorerHook {
  readonly model: ExplorerModel;
  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  getTreeItem(node: ExplorerNode): vscode.TreeItem;
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem>;
}

/** The Environments comparison view's TreeDataProvider. */
export interface ComparisonHook {
  getChildren(node?: ComparisonNode): ComparisonNode[];
  getTreeItem(node: ComparisonNode): vscode.TreeItem;
}

/** The Access panel's view: access histories and unused secrets. */
export interface AccessHook {
  getChildren(node?: AccessNode): AccessNode[];
  getTreeItem(node: AccessNode): vscode.TreeItem;
}

export interface TestHooks {
  readonly explorer: ExplorerHook;
  readonly comparison: ComparisonHook;
  readonly access: AccessHook;
  /** Answers the extension's questions from a script instead of the UI, until the returned function is called. */
  usePrompts(prompts: Prompts): () => void;
  /** Resolves when every scheduled clipboard clear has run. */
  clipboardClearsSettled(): Promise<void>;
  /** How long activate() took, in milliseconds (the benchmark reports it). */
  readonly activationMs: number;
  /** Where VS Code keeps this extension's log and storage (the leak test searches them). */
  readonly storage: { readonly logUri: vscode.Uri; readonly globalStorageUri: vscode.Uri };
  /** What the status bar says about edited values: those not stored in AWS yet, and every auto-save refused so far. */
  unstoredValues(): { notStored: string[]; autoSaveRefused: string[] };
}

/** Only under @vscode/test-electron (extension mode Test) or the harness's code-server, which sets the variable. */
export function testHooksEnabled(mode: vscode.ExtensionMode, env: NodeJS.ProcessEnv): boolean {
  return mode === vscode.ExtensionMode.Test || env[TEST_HOOKS_VARIABLE] === '1';
}

export function testHooks(parts: {
  explorer: ExplorerHook;
  comparison: ComparisonHook;
  access: AccessHook;
  prompts: SwitchablePrompts;
  context: vscode.ExtensionContext;
  activationMs: number;
  unstoredValues: () => { notStored: string[]; autoSaveRefused: string[] };
}): TestHooks {
  return {
    explorer: parts.explorer,
    comparison: parts.comparison,
    access: parts.access,
    usePrompts: (p) => parts.prompts.use(p),
    clipboardClearsSettled,
    activationMs: parts.activationMs,
    storage: { logUri: parts.context.logUri, globalStorageUri: parts.context.globalStorageUri },
    unstoredValues: parts.unstoredValues,
  };
}
