import * as vscode from 'vscode';
import { ITEM_NOUNS, itemOnly, readItemValue, secretId, type ItemRef } from '../aws/items';
import type { AwsProfile } from '../aws/types';
import { Commands } from '../constants';
import { readClipboardClearSeconds } from '../settings/settings';
import type { ExplorerNode } from '../tree/nodes';
import { copySensitive } from '../ui/clipboard';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { refuseControlledWrite } from '../ui/writeGuard';
import { withProgress } from '../ui/progress';
import { choose } from '../ui/wizard';
import { jsonProperties, type JsonProperty } from './jsonValue';
import type { OperateDeps } from './operateDeps';
import { EDIT_SCHEME, VIEW_SCHEME } from './valueFileSystem';

/** Get: copy (cleared later), copy one JSON key, reveal read-only, edit, copy ARN / name, open the console. */
export function registerValueCommands(deps: OperateDeps): vscode.Disposable[] {
  const anyItem = (node?: ExplorerNode | ItemRef) => resolveItem(deps, node, ['secretsmanager', 'ssm']);

  return [
    registerCommand(deps, Commands.copyValue, 'Copy value', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const value = await withProgress(`Reading ${target.name}…`, async (signal) => readItemValue(await deps.aws(), target, signal));
      await copySensitive(value.text, readClipboardClearSeconds());
      announceCopy(`${value.binary ? 'the base64 value' : 'the value'} of ${target.name}`);
    }),

    registerCommand(deps, Commands.copyJsonKey, 'Copy JSON key', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const value = await withProgress(`Reading ${target.name}…`, async (signal) => readItemValue(await deps.aws(), target, signal));
      // Read from the text, not through JSON.parse: a big integer or a nested value is copied as written.
      const properties = value.binary ? undefined : jsonProperties(value.text);
      if (!properties) throw new UserError(`${target.name} is not a JSON key/value ${ITEM_NOUNS[target.service]}. Use Copy Value instead.`);
      // Keys only: the quick pick never shows a value, just its size.
      const picked = await choose(deps.prompts, {
        title: `Copy a key of ${target.name}`,
        placeholder: 'Choose the key whose value to copy',
        items: properties.map((property) => ({ label: property.key, description: describeJsonValue(property), property })),
      });
      await copySensitive(picked.property.text, readClipboardClearSeconds());
      announceCopy(`${picked.label} of ${target.name}`);
    }),

    registerCommand(deps, Commands.revealValue, 'Reveal value', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const uri = await withProgress(`Reading ${target.name}…`, (signal) => deps.documents.prepare(VIEW_SCHEME, target, signal));
      await vscode.window.showTextDocument(uri, { preview: true });
      const asStored = deps.documents.shownAsStored(uri);
      if (asStored) vscode.window.setStatusBarMessage(`${target.name} is shown as stored, not pretty-printed: ${asStored}.`, 10_000);
    }),

    registerCommand(deps, Commands.editValue, 'Edit value', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      await refuseControlledWrite(deps.aws, target, { doing: 'Editing its value', to: 'change its value' });
      // Editing always starts from the current value, even when invoked on an older version.
      const uri = await withProgress(`Reading ${target.name}…`, (signal) => deps.documents.prepare(EDIT_SCHEME, itemOnly(target), signal));
      // In its value language before it is shown, so no save action can touch the value.
      const document = await deps.languages.apply(await vscode.workspace.openTextDocument(uri));
      await vscode.window.showTextDocument(document, { preview: false });
      const asStored = deps.documents.shownAsStored(uri);
      const save = process.platform === 'darwin' ? '⌘S' : 'Ctrl+S';
      vscode.window.setStatusBarMessage(
        `${save} stores a new version of ${target.name} (auto-save never does).${asStored ? ` Shown as stored: ${asStored}.` : ''}`,
        10_000,
      );
    }),

    registerCommand(deps, Commands.copyArn, 'Copy ARN', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const arn = await withProgress(`Reading ${target.name}…`, async (signal) => arnOf(deps, target, signal));
      await vscode.env.clipboard.writeText(arn);
      vscode.window.setStatusBarMessage(`Copied the ARN of ${target.name}`, 4000);
    }),

    registerCommand(deps, Commands.copyName, 'Copy name', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      await vscode.env.clipboard.writeText(target.name);
      vscode.window.setStatusBarMessage(`Copied ${target.name}`, 4000);
    }),

    registerCommand(deps, Commands.openInConsole, 'Open in AWS console', async (node?: ExplorerNode | ItemRef) => {
      const target = await anyItem(node);
      const profile = (await (await deps.aws()).listProfiles()).find((p) => p.name === target.profile);
      if (profile && hasCustomEndpoint(profile, target.service)) {
        void deps.prompts.info(`Profile ${target.profile} uses a custom endpoint, which has no AWS console.`);
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(consoleUrl(target), true));
    }),
  ];
}

async function arnOf(deps: OperateDeps, target: ItemRef, signal: AbortSignal): Promise<string> {
  const runtime = await deps.aws();
  if (target.service === 'secretsmanager')
    return target.arn || (await (await runtime.secrets(target.profile, target.region)).describe(secretId(target), { signal })).arn;
  return target.summary?.arn ?? (await (await runtime.parameters(target.profile, target.region)).describe(target.name, { signal })).arn ?? '';
}

function hasCustomEndpoint(profile: AwsProfile, service: ItemRef['service']): boolean {
  return Boolean(profile.endpoints[service]);
}

/** The AWS console page of a secret or parameter. */
export function consoleUrl(target: ItemRef): string {
  const region = encodeURIComponent(target.region);
  if (target.service === 'secretsmanager') {
    return `https://${region}.console.aws.amazon.com/secretsmanager/secret?name=${encodeURIComponent(target.name)}&region=${region}`;
  }
  return `https://${region}.console.aws.amazon.com/systems-manager/parameters/${encodeURIComponent(target.name)}/description?region=${region}&tab=Table`;
}

function describeJsonValue(property: JsonProperty): string {
  const size = property.kind === 'string' ? `${property.text.length} character${property.text.length === 1 ? '' : 's'}` : property.kind;
  // Applications usually read the last of duplicate keys (JSON.parse does).
  return property.duplicate ? `${size} · duplicate key, ${property.duplicate.index} of ${property.duplicate.of}` : size;
}

function announceCopy(what: string): void {
  const seconds = readClipboardClearSeconds();
  vscode.window.setStatusBarMessage(`$(check) Copied ${what}${seconds > 0 ? ` — the clipboard is cleared in ${seconds} s` : ''}`, 5000);
}
