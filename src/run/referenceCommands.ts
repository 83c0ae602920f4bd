import * as path from 'node:path';
import * as vscode from 'vscode';
import { readItemValue, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import { parseJsonObject } from '../aws/validation';
import { Commands } from '../constants';
import { parseReferencesFile } from '../references/file';
import { formatReference, type AwsReference } from '../references/grammar';
import { readRunSettings } from '../settings/settings';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import { ask, choose } from '../ui/wizard';
import { DEFAULT_REFERENCES_FILE, findReferencesFiles } from './referencesDocuments';

const KEY_PATTERN = /^[A-Za-z_][\w.-]*$/;

/** "Copy as Reference" and "Add to References File" on a secret or parameter of the tree. */
export function registerReferenceCommands(deps: FeatureDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.copyAsReference, 'Copy as reference', async (node?: ExplorerNode | ItemRef) => {
      const item = await resolveItem(deps, node, ['secretsmanager', 'ssm']);
      const { reference } = await chooseReference(deps, item, undefined);
      const text = formatReference(reference);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied ${text}`, 5000);
    }),

    registerCommand(deps, Commands.addToReferencesFile, 'Add to references file', async (node?: ExplorerNode | ItemRef) => {
      const item = await resolveItem(deps, node, ['secretsmanager', 'ssm']);
      const target = await chooseFile(deps);
      const existing = target.exists ? parseReferencesFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(target.uri))) : undefined;
      const settings = readRunSettings(target.uri);
      const fileScope = { profile: existing?.header.profile ?? settings.profile, region: existing?.header.region ?? settings.region };
      const { reference, jsonKey } = await chooseReference(deps, item, fileScope.region ?? (target.exists ? undefined : item.region));
      const taken = new Set(existing?.entries.map((e) => e.key) ?? []);
      const key = await ask(deps.prompts, {
        title: `Variable for ${item.name}${jsonKey ? ` (key ${jsonKey})` : ''}`,
        prompt: 'The environment variable the program reads',
        value: suggestKey(item.name, jsonKey),
        validate: (v) =>
          !KEY_PATTERN.test(v.trim())
            ? 'Letters, digits and _ . - (not starting with a digit).'
            : taken.has(v.trim())
              ? `${v.trim()} is already in ${path.basename(target.uri.fsPath)}.`
              : undefined,
      });
      const line = `${key.trim()}=${formatReference(reference)}\n`;
      const header = target.exists ? '' : `# aws-secrets-lens: profile=${item.profile} region=${item.region}\n`;
      const edit = new vscode.WorkspaceEdit();
      if (!target.exists) edit.createFile(target.uri, { ignoreIfExists: true });
      const document = target.exists ? await vscode.workspace.openTextDocument(target.uri) : undefined;
      const end = document ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(0, 0);
      const newline = document && document.getText().length > 0 && !document.getText().endsWith('\n') ? '\n' : '';
      edit.insert(target.uri, end, `${header}${newline}${line}`);
      await vscode.workspace.applyEdit(edit);
      const editor = await vscode.window.showTextDocument(target.uri);
      await editor.document.save();
      if (fileScope.profile && fileScope.profile !== item.profile) {
        void deps.prompts.info(
          `${path.basename(target.uri.fsPath)} is read with profile ${profileLabel(fileScope.profile)}; ${item.name} was chosen under ${profileLabel(item.profile)}.`,
        );
      }
    }),
  ];
}

/** The reference for an item: a JSON secret's key if the user picks one; by ARN when read from another region than the file's. */
async function chooseReference(deps: FeatureDeps, item: ItemRef, fileRegion: string | undefined): Promise<{ reference: AwsReference; jsonKey?: string }> {
  const byArn = fileRegion !== undefined && fileRegion !== item.region;
  if (item.service === 'ssm') {
    const summary = item.summary ?? (await (await (await deps.aws()).parameters(item.profile, item.region)).describe(item.name));
    const name = byArn && summary.arn ? summary.arn : item.name;
    return { reference: { service: 'ssm', parameterName: name, name: item.name, secure: summary.type === 'SecureString' } };
  }
  const secretId = byArn && item.arn ? item.arn : item.name;
  // Keys only: the value is read to list them and dropped.
  const text = await withProgress(
    `Reading ${item.name}…`,
    async (signal) => (await readItemValue(await deps.aws(), { ...item, versionId: undefined, stage: undefined }, signal)).text,
  );
  const keys = Object.keys(parseJsonObject(text) ?? {});
  let jsonKey: string | undefined;
  if (keys.length > 0) {
    const whole = { label: 'The whole secret', key: undefined as string | undefined };
    jsonKey = (
      await choose(deps.prompts, {
        title: `Reference to ${item.name}`,
        placeholder: 'One key of the JSON secret, or all of it',
        items: [...keys.map((key) => ({ label: key, key })), whole],
      })
    ).key;
  }
  return { reference: { service: 'secretsmanager', secretId, name: item.name, ...(jsonKey ? { jsonKey } : {}) }, jsonKey };
}

async function chooseFile(deps: FeatureDeps): Promise<{ uri: vscode.Uri; exists: boolean }> {
  const files = await findReferencesFiles();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const fresh = folders
    .map((folder) => vscode.Uri.joinPath(folder.uri, DEFAULT_REFERENCES_FILE))
    .filter((uri) => !files.some((f) => f.toString() === uri.toString()))
    .map((uri) => ({ label: `$(new-file) New ${vscode.workspace.asRelativePath(uri)}`, uri, exists: false }));
  const items = [...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri, exists: true })), ...fresh];
  if (items.length === 0) throw new UserError('Open a folder first: the references file goes into the workspace.');
  const choice = await choose(deps.prompts, { title: 'Add to references file', placeholder: 'Choose the file', items });
  return { uri: choice.uri, exists: choice.exists };
}

/** `prod/payments/db` + `password` → `DB_PASSWORD`; `/app/api-key` → `API_KEY`. */
export function suggestKey(name: string, jsonKey: string | undefined): string {
  const leaf = name.split('/').filter(Boolean).pop() ?? 'secret';
  const words = [leaf, jsonKey].filter(Boolean).join('_');
  return words
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toUpperCase();
}
