import * as vscode from 'vscode';
import { readItemValue, type ItemRef } from '../aws/items';
import { parseJsonObject } from '../aws/validation';
import { Commands } from '../constants';
import { snippetsBundle } from '../loading/bundles';
import type { LookupTarget, SnippetLanguageId } from '../snippets';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserCancelled, UserError } from '../ui/errors';
import { moduleSystemOf } from '../ui/moduleSystem';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { Prompts } from '../ui/prompts';
import { choose } from '../ui/wizard';
import type { OperateDeps } from './operateDeps';

/** Inserts code that fetches a secret or parameter, in the active editor's language, at the cursor. */
export function registerSnippetCommands(deps: OperateDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.insertSnippet, 'Insert retrieval snippet', async (node?: ExplorerNode | ItemRef) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) throw new UserError('Open the file to insert into first, then place the cursor where the code should go.');
      const target = await resolveItem(deps, node, ['secretsmanager', 'ssm']);
      const jsonKey = await pickJsonKey(deps, target);
      const lookup: LookupTarget = {
        service: target.service,
        name: target.name,
        region: target.region,
        jsonKey,
        secure: target.service === 'ssm' ? (target.summary?.type ?? (await describeParameterType(deps, target))) === 'SecureString' : undefined,
      };
      const document = editor.document;
      // Read first: the text and the cursor below must be taken in one tick.
      const moduleSystem = await moduleSystemOf(document);
      const request = {
        languageId: document.languageId,
        fileName: document.fileName,
        documentText: document.getText(),
        offset: document.offsetAt(editor.selection.active),
        target: lookup,
        moduleSystem,
      };
      const { retrievalSnippet } = snippetsBundle();
      const snippet = retrievalSnippet(request) ?? retrievalSnippet({ ...request, language: await pickLanguage(deps.prompts, document.languageId) });
      if (!snippet) throw new UserCancelled();

      // Imports and the snippet land as one undo step: imports first (above the cursor), then the snippet.
      const imports = snippet.importEdits;
      if (imports.length > 0) {
        const applied = await editor.edit(
          (builder) => {
            for (const edit of imports) builder.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
          },
          { undoStopBefore: true, undoStopAfter: false },
        );
        if (!applied) throw new UserError('The document changed while the snippet was prepared; try again.');
      }
      await editor.insertSnippet(new vscode.SnippetString(snippet.snippet), editor.selection, { undoStopBefore: imports.length === 0, undoStopAfter: true });
    }),
  ];
}

/** For a JSON secret or parameter, which key to extract (or the whole value). Reads the value only to list its keys. */
async function pickJsonKey(deps: OperateDeps, target: ItemRef): Promise<string | undefined> {
  const keys = await withProgress(`Reading ${target.name}…`, async (signal) => {
    const value = await readItemValue(await deps.aws(), target, signal);
    return Object.keys(parseJsonObject(value.text) ?? {});
  });
  if (keys.length === 0) return undefined;
  const picked = await choose(deps.prompts, {
    title: `${target.name} is JSON: fetch one key?`,
    placeholder: 'The code extracts this key',
    items: [{ label: '$(json) The whole value', key: undefined }, ...keys.map((key) => ({ label: key, key }))],
  });
  return picked.key;
}

async function describeParameterType(deps: OperateDeps, target: ItemRef): Promise<string> {
  return (await (await (await deps.aws()).parameters(target.profile, target.region)).describe(target.name)).type;
}

async function pickLanguage(prompts: Prompts, languageId: string): Promise<SnippetLanguageId> {
  const picked = await choose(prompts, {
    title: `No snippet for ${languageId} files: write it in`,
    placeholder: 'Choose a language',
    items: snippetsBundle()
      .snippetLanguages()
      .map((l) => ({ label: l.label, id: l.id })),
  });
  return picked.id;
}
