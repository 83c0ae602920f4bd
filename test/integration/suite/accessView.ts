// The AWS Access panel's view as a user reads it (each row's label, description and tooltip
// text), and the emulator's Secrets Manager for the Access tests' own setup and checks.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as vscode from 'vscode';
import type { AccessNode } from '../../../src/audit/presentation';
import type { TestHooks } from '../../../src/ui/testHooks';
import { EMULATOR_CREDENTIALS } from '../../emulator';
import { activateProduct, emulatorEndpoint } from './helpers';
import { plainText } from './tree';

interface Row {
  readonly node: AccessNode;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

export async function accessRows(): Promise<Row[]> {
  const view = (await activateProduct<TestHooks>()).access;
  const rows: Row[] = [];
  const walk = (node?: AccessNode) => {
    for (const child of view.getChildren(node)) {
      const item = view.getTreeItem(child);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? plainText(item.tooltip) : String(item.tooltip ?? '');
      rows.push({ node: child, label: String(item.label), description: String(item.description ?? ''), tooltip });
      walk(child);
    }
  };
  walk();
  return rows;
}

/** Runs `action` with a Secrets Manager client of the emulator in us-east-1 (as the test's own tool, not the extension). */
export async function withSecretsManager<T>(action: (sm: SecretsManagerClient) => Promise<T>): Promise<T> {
  const sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: emulatorEndpoint(), credentials: { ...EMULATOR_CREDENTIALS } });
  try {
    return await action(sm);
  } finally {
    sm.destroy();
  }
}
