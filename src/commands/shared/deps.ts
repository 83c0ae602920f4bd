import type * as vscode from 'vscode';
import type { AwsRuntime } from '../../aws/types';
import type { ValueFileSystem } from '../../documents/valueFileSystem';
import type { Prompts } from '../../ui/prompts';
import type { ExplorerModel } from '../../views/model/explorerModel';

/** What every command family needs; built once in extension.ts. */
export interface CommandDeps {
  readonly aws: () => Promise<AwsRuntime>;
  readonly log: vscode.LogOutputChannel;
  readonly prompts: Prompts;
  /** Where the last profile and region are remembered (per workspace). */
  readonly memory: vscode.Memento;
  readonly model: ExplorerModel;
  readonly documents: ValueFileSystem;
}
