import * as vscode from 'vscode';
import { describeItem, type ItemRef, type SecretRef } from '../aws/items';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { AccessDeps } from './accessDeps';
import { POLICY_SCHEME, PolicyDocuments } from './policyDocuments';

/** Edit Resource Policy (a JSON document, validated by AWS before it is stored) and Delete Resource Policy. */
export function registerResourcePolicyCommands(deps: AccessDeps): vscode.Disposable[] {
  const documents = new PolicyDocuments(deps.aws, deps.log, deps.prompts);
  return [
    documents,
    vscode.workspace.registerFileSystemProvider(POLICY_SCHEME, documents, { isCaseSensitive: true }),
    vscode.workspace.onWillSaveTextDocument((e) => documents.noteSaveReason(e.document.uri, e.reason)),
    vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === POLICY_SCHEME && documents.forget(d.uri)),
    registerCommand(deps, Commands.editResourcePolicy, 'Edit the resource policy', async (arg?: ExplorerNode | ItemRef) => {
      const ref = (await resolveItem(deps, arg, ['secretsmanager'])) as SecretRef;
      const { uri, existed } = await withProgress(`Reading the resource policy of ${ref.name}…`, (signal) => documents.prepare(ref, signal));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(document, 'json');
      await vscode.window.showTextDocument(document, { preview: false });
      if (!existed)
        void deps.prompts.info(
          `${ref.name} has no resource policy. The document starts from one that lets this account read it: change it and save (Ctrl+S) to store it.`,
        );
    }),
    registerCommand(deps, Commands.deleteResourcePolicy, 'Delete the resource policy', async (arg?: ExplorerNode | ItemRef) => {
      const ref = (await resolveItem(deps, arg, ['secretsmanager'])) as SecretRef;
      const store = await (await deps.aws()).secrets(ref.profile, ref.region);
      const id = ref.arn ?? ref.name;
      const policy = await withProgress(`Reading the resource policy of ${ref.name}…`, (signal) => store.getResourcePolicy(id, { signal }));
      if (policy === undefined) throw new UserError(`${describeItem(ref)} has no resource policy: nothing to delete.`);
      const confirm = await deps.prompts.warn(
        `Delete the resource policy of ${ref.name}?`,
        { modal: true, detail: 'Principals that it lets in (other accounts, roles) lose that access at once. Resource policies have no version history.' },
        'Delete Policy',
      );
      if (confirm !== 'Delete Policy') return;
      await withProgress(`Deleting the resource policy of ${ref.name}…`, (signal) => store.deleteResourcePolicy(id, { signal }));
      deps.log.info(`deleted the resource policy of ${describeItem(ref)}`);
      void deps.prompts.info(`Deleted the resource policy of ${describeItem(ref)}.`);
    }),
  ];
}
