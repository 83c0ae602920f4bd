import type * as vscode from 'vscode';
import type { AwsRuntime } from '../aws/types';
import type { ExplorerModel } from '../tree/explorerModel';
import type { Log } from './logging';
import type { Prompts } from './prompts';

/** What every feature is given by extension.ts; each feature gets its own component logger. */
export interface FeatureDeps {
  readonly aws: () => Promise<AwsRuntime>;
  readonly log: Log;
  readonly prompts: Prompts;
  /** Where the last profile and region are remembered (per workspace). */
  readonly memory: vscode.Memento;
  /** The explorer's tree: features tell it when they changed an item. */
  readonly model: ExplorerModel;
}
