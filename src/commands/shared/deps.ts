import type * as vscode from 'vscode';
import type { ValueFileSystem } from '../../documents/valueFileSystem';
import type { ExplorerModel } from '../../views/model/explorerModel';
import type { PickerDeps } from './pickers';

/** What every command family needs; built once in extension.ts. */
export interface CommandDeps extends PickerDeps {
  readonly log: vscode.LogOutputChannel;
  readonly model: ExplorerModel;
  readonly documents: ValueFileSystem;
}
