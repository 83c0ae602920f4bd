import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateProduct, productExtension } from './helpers';

interface Manifest {
  contributes?: {
    commands?: Array<{ command: string }>;
    views?: Record<string, Array<{ id: string }>>;
    viewsContainers?: Record<string, Array<{ id: string }>>;
  };
}

describe('commands', () => {
  const manifest = () => productExtension().packageJSON as Manifest;
  const declared = () => (manifest().contributes?.commands ?? []).map((entry) => entry.command);

  /** Commands the workbench itself creates for each contributed view, e.g. `awsSecrets.explorer.focus`. */
  function isWorkbenchViewCommand(command: string): boolean {
    const views = Object.values(manifest().contributes?.views ?? {}).flat();
    return views.some((view) => command.startsWith(`${view.id}.`));
  }

  before(async () => {
    await activateProduct();
  });

  it('declares commands in package.json', () => {
    assert.ok(declared().length > 0);
  });

  it('registers every command that package.json declares', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared().filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
  });

  it('declares every awsSecrets.* command it registers', async () => {
    const declaredSet = new Set(declared());
    const undeclared = (await vscode.commands.getCommands(true)).filter(
      (command) => command.startsWith('awsSecrets.') && !declaredSet.has(command) && !isWorkbenchViewCommand(command),
    );
    assert.deepEqual(undeclared, [], `registered but not declared in package.json: ${undeclared.join(', ')}`);
  });
});
