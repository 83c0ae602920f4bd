import * as vscode from 'vscode';
import { findItem, ITEM_NOUNS, managedRefusal, readItemValue, SERVICE_NAMES, type ItemRef, type ItemService } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import { parameterNameProblem, parameterValueProblem, parseJsonObject, secretNameProblem, secretValueProblem } from '../aws/validation';
import { Commands } from '../constants';
import type { Finding } from '../detect';
import { snippetsBundle } from '../loading/bundles';
import type { LookupTarget } from '../snippets';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { kmsAliasItems } from '../ui/kmsKeys';
import { moduleSystemOf } from '../ui/moduleSystem';
import { pickItem, pickService, resolveScope } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import { ask, choose } from '../ui/wizard';
import { composeEdit, type LiteralToReplace } from './composeEdit';
import { findingRef, groupOf, isFindingRef, resolveRef, type FindingRef } from './findingRef';
import { relativePath } from './findingsStore';
import { jsonKeys, suggestName } from './naming';
import type { ProtectDeps } from './protectDeps';

/** The fixes for hard-coded secrets: move the value into AWS and fetch it from code, or reuse an existing one. */
export function registerFixCommands(deps: ProtectDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.moveToSecretsManager, 'Move to Secrets Manager', (ref?: FindingRef) => moveToAws(deps, 'secretsmanager', ref)),
    registerCommand(deps, Commands.moveToParameterStore, 'Move to Parameter Store', (ref?: FindingRef) => moveToAws(deps, 'ssm', ref)),
    registerCommand(deps, Commands.useExisting, 'Use existing secret or parameter', (ref?: FindingRef) => useExisting(deps, ref)),
  ];
}

export interface Located {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly group: Finding[];
  /** The hard-coded values as written (what fingerprints hash), held only while the fix runs. */
  readonly values: string[];
}

const CHANGED =
  'That hard-coded value changed since the fix was offered (or is no longer in the file), so nothing was done. Use the fix on its current line again.';

/**
 * The finding a fix was invoked on (from a lens, hover or code action), or the one at the cursor:
 * checked against the document as it is now, found again after edits elsewhere, refused when the
 * value itself changed (see `resolveRef`).
 */
export async function locate(deps: ProtectDeps, ref: FindingRef | undefined): Promise<Located> {
  const resolved = isFindingRef(ref) ? ref : await refAtCursor(deps);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(resolved.uri));
  // Version and text in the same tick as the scan starts, so all three describe one text.
  const version = document.version;
  const text = document.getText();
  const found = await deps.findings.findings(document);
  const resolution = resolveRef(resolved, found, text, version);
  if ('changed' in resolution) throw new UserError(CHANGED);
  const group = resolution.group;
  return { document, version, group, values: group.map((f) => text.slice(f.secretRange.start, f.secretRange.end)) };
}

async function refAtCursor(deps: ProtectDeps): Promise<FindingRef> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new UserError('Open a file with a hard-coded secret and put the cursor on it.');
  const { document } = editor;
  const offset = document.offsetAt(editor.selection.active);
  const version = document.version;
  const text = document.getText();
  const found = await deps.findings.findings(document);
  const finding =
    found.find((f) => f.replaceRange.start <= offset && offset <= f.replaceRange.end) ??
    found.find((f) => f.replaceRange.startLine === editor.selection.active.line);
  if (!finding) throw new UserError('There is no hard-coded secret at the cursor.');
  return findingRef(document.uri.toString(), version, groupOf(found, finding), text);
}

/** What the program holds for each finding (escapes decoded, joined literals whole) and what a fix replaces for it. */
interface RuntimeValues {
  readonly values: string[];
  readonly ranges: { start: number; end: number }[];
  /** Some value differs from its source text (escapes, quotes doubled, joined literals). */
  readonly decoded: boolean;
}

function runtimeValues(document: vscode.TextDocument, group: readonly Finding[]): RuntimeValues | { reason: string } {
  const text = document.getText();
  const { literalValue } = snippetsBundle();
  const values: string[] = [];
  const ranges: { start: number; end: number }[] = [];
  let decoded = false;
  for (const f of group) {
    const found = literalValue({
      languageId: document.languageId,
      fileName: document.fileName,
      documentText: text,
      start: f.secretRange.start,
      end: f.secretRange.end,
    });
    if (!found.ok) return { reason: found.reason };
    values.push(found.value);
    ranges.push({ start: found.replaceStart, end: found.replaceEnd });
    decoded ||= found.value !== text.slice(f.secretRange.start, f.secretRange.end);
  }
  return { values, ranges, decoded };
}

/** "16 characters" / "a JSON value of 2 keys, 61 characters" — the size, never the value. */
function sizeNote(value: string, keys: readonly string[] | undefined, decoded: boolean): string {
  const count = [...value].length;
  const size = `${count} character${count === 1 ? '' : 's'}`;
  const what = keys ? `a JSON value with ${keys.length} keys, ${size}` : size;
  return decoded ? `${what}, as the program reads them` : what;
}

async function moveToAws(deps: ProtectDeps, service: ItemService, ref: FindingRef | undefined): Promise<void> {
  const located = await locate(deps, ref);
  const { document, group } = located;
  // The value the program computes, not the literal's source text; refused before anything is asked or sent.
  const runtime = runtimeValues(document, group);
  if ('reason' in runtime) throw new UserError(`Nothing was stored. ${runtime.reason}`);
  const { values } = runtime;
  // Always asked: the write comes from a workspace file, and a workspace can narrow the profiles and regions.
  const scope = await resolveScope(deps, undefined, { alwaysAsk: true });
  // A group (an access key id with its secret key, a user and password) becomes one JSON value, one key each.
  const keys = group.length > 1 ? jsonKeys(group) : undefined;
  const value = keys ? JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, values[i]]))) : values[0];
  const size = sizeNote(value, keys, runtime.decoded);
  const title = `Move to ${SERVICE_NAMES[service]} (${scope.region}): ${size}`;
  const sizeProblem = service === 'secretsmanager' ? secretValueProblem(value) : parameterValueProblem(value, 'Advanced');
  if (sizeProblem) throw new UserError(sizeProblem);

  const workspace = vscode.workspace.getWorkspaceFolder(document.uri)?.name;
  let name = suggestName(service, { workspace, fileName: document.fileName }, group);
  let overwrite = false;
  for (;;) {
    name = (
      await ask(deps.prompts, {
        title,
        prompt: `Name of the new ${service === 'secretsmanager' ? ITEM_NOUNS[service] : 'SecureString parameter'}${keys ? ` (one JSON key each: ${keys.join(', ')})` : ''}`,
        value: name,
        validate: (v) => (service === 'secretsmanager' ? secretNameProblem(v.trim()) : parameterNameProblem(v.trim())),
      })
    ).trim();
    const existing = await findItem(await deps.aws(), { service, ...scope, name });
    if (!existing) break;
    if ('deletedDate' in existing && existing.deletedDate) {
      void deps.prompts.error(`${name} is scheduled for deletion in ${scope.region}. Restore it in the explorer, or choose another name.`);
      continue;
    }
    if ('owningService' in existing && existing.owningService) {
      void deps.prompts.error(managedRefusal(name, existing, 'Storing a new version of it'));
      continue;
    }
    const add = await deps.prompts.warn(
      `${name} already exists in ${scope.region}. Store this value as its new version?`,
      { modal: true, detail: `It stores ${size}. The current value stays available as the previous version.` },
      'Add New Version',
    );
    if (add === 'Add New Version') {
      overwrite = true;
      break;
    }
  }
  const defaultKey = service === 'secretsmanager' ? 'alias/aws/secretsmanager' : 'alias/aws/ssm';
  const key = overwrite
    ? undefined
    : (await choose(deps.prompts, { title, placeholder: 'KMS key that encrypts the value', items: () => kmsAliasItems(deps.aws, scope, defaultKey) })).alias;
  const kmsKeyId = key === defaultKey ? undefined : key;

  // Only after AWS has confirmed the write is the file changed.
  await withProgress(`Storing ${name} in ${SERVICE_NAMES[service]}…`, async (signal) => {
    const runtime = await deps.aws();
    if (service === 'secretsmanager') {
      const store = await runtime.secrets(scope.profile, scope.region);
      if (overwrite) await store.putValue(name, { text: value }, { signal });
      else
        await store.create({ name, value: { text: value }, kmsKeyId, description: `Moved from ${relativePath(document.uri)} by AWS Secrets Lens` }, { signal });
    } else {
      const store = await runtime.parameters(scope.profile, scope.region);
      const tier = parameterValueProblem(value, 'Standard') ? 'Advanced' : undefined;
      await store.put(
        {
          name,
          value,
          type: 'SecureString',
          keyId: kmsKeyId,
          tier,
          overwrite,
          description: overwrite ? undefined : `Moved from ${relativePath(document.uri)} by AWS Secrets Lens`,
        },
        { signal },
      );
    }
  });
  await deps.model.itemChanged({ service, ...scope, name });
  const stored = `${SERVICE_NAMES[service]} ${ITEM_NOUNS[service]} ${name} (${scope.region}, profile ${profileLabel(scope.profile)})`;
  const target = (i: number): LookupTarget => lookupOf({ service, name, region: scope.region }, keys?.[i], service === 'ssm' ? true : undefined);
  await replaceLiterals(deps, located, runtime.ranges, target, stored);
}

/** Replaces the group's literals with lookups of `target(i)`, as one edit; explains any reason it can't. */
async function replaceLiterals(
  deps: ProtectDeps,
  located: Located,
  ranges: readonly { start: number; end: number }[],
  target: (i: number) => LookupTarget,
  stored: string,
): Promise<void> {
  const { document } = located;
  const moduleSystem = await moduleSystemOf(document);
  const apply = async (literals: LiteralToReplace[], expectedVersion: number): Promise<'done' | 'stale' | { reason: string }> => {
    if (document.version !== expectedVersion) return 'stale';
    const composed = composeEdit(
      document.getText(),
      { languageId: document.languageId, fileName: document.fileName, ...(moduleSystem ? { moduleSystem } : {}) },
      literals,
      snippetsBundle().literalReplacement,
    );
    if (!composed.ok) return { reason: composed.reason };
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(composed.edit.start), document.positionAt(composed.edit.end)), composed.edit.newText);
    if (document.version !== expectedVersion || !(await vscode.workspace.applyEdit(edit))) return 'stale';
    // Lenses and diagnostics for the new text now, not after the typing debounce: the next click must see them.
    void deps.diagnostics.refresh(document);
    const notes = composed.notes.length ? ` ${composed.notes.join(' ')}` : '';
    void deps.prompts.info(`Moved to ${stored}; the code now reads it from there.${notes}`);
    return 'done';
  };

  const first = await apply(
    ranges.map((r, i) => ({ ...r, target: target(i) })),
    located.version,
  );
  if (first === 'done') return;
  if (first !== 'stale') {
    void deps.prompts.error(
      `Stored the value in ${stored}, but this file can't be rewritten automatically: ${first.reason} Use "Insert Retrieval Snippet" to add the lookup by hand.`,
    );
    return;
  }
  // The user typed while the prompts were open: nothing was edited, and nothing is lost.
  const again = await deps.prompts.warn(
    `Stored the value in ${stored}, but ${document.fileName.replace(/^.*[\\/]/, '')} changed meanwhile, so it was not edited.`,
    { modal: false },
    'Replace the Literal Now',
  );
  if (again !== 'Replace the Literal Now') return;
  const text = document.getText();
  const version = document.version;
  const current = (await deps.findings.findings(document)).filter((f) => located.values.includes(text.slice(f.secretRange.start, f.secretRange.end)));
  const runtime = current.length ? runtimeValues(document, current) : undefined;
  const retried =
    runtime && !('reason' in runtime)
      ? await apply(
          runtime.ranges.map((r, i) => ({
            ...r,
            target: target(located.values.indexOf(text.slice(current[i].secretRange.start, current[i].secretRange.end))),
          })),
          version,
        )
      : 'stale';
  if (retried !== 'done')
    void deps.prompts.error(`The value is stored in ${stored}, but the literal could not be replaced. Use "Insert Retrieval Snippet" to add the lookup.`);
}

async function useExisting(deps: ProtectDeps, ref: FindingRef | undefined): Promise<void> {
  const located = await locate(deps, ref);
  const runtime = runtimeValues(located.document, located.group);
  if ('reason' in runtime) throw new UserError(`Nothing was changed. ${runtime.reason}`);
  const scope = await resolveScope(deps);
  const item = await pickItem(deps, scope, await pickService(deps.prompts, 'Use an existing secret or parameter'));
  // A JSON value: which key each hard-coded value corresponds to. The value is read for its keys only.
  const keysOf = Object.keys(
    parseJsonObject((await withProgress(`Reading ${item.name}…`, async (signal) => readItemValue(await deps.aws(), item, signal))).text) ?? {},
  );
  const jsonKey: (string | undefined)[] = [];
  for (const finding of located.group) {
    if (keysOf.length === 0) {
      jsonKey.push(undefined);
      continue;
    }
    const picked = await choose(deps.prompts, {
      title: `Which key of ${item.name} holds the ${finding.kind}${finding.name ? ` in ${finding.name}` : ''}?`,
      items: [{ label: '$(json) The whole value', key: undefined as string | undefined }, ...keysOf.map((k) => ({ label: k, key: k as string | undefined }))],
    });
    jsonKey.push(picked.key);
  }
  const secure = item.service === 'ssm' ? (item.summary?.type ?? 'SecureString') === 'SecureString' : undefined;
  await replaceLiterals(
    deps,
    located,
    runtime.ranges,
    (i) => lookupOf(item, jsonKey[i], secure),
    `${SERVICE_NAMES[item.service]} ${item.name} (${item.region})`,
  );
}

/** What the generated code fetches: the item's name and region (never its profile: that is the program's), one JSON key. */
function lookupOf(item: Pick<ItemRef, 'service' | 'name' | 'region'>, jsonKey: string | undefined, secure: boolean | undefined): LookupTarget {
  return { service: item.service, name: item.name, region: item.region, jsonKey, secure };
}
