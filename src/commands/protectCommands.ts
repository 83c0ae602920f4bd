import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { parameterNameProblem, parameterValueProblem, parseJsonObject, secretNameProblem, secretValueProblem } from '../aws/validation';
import { detectBundle, snippetsBundle } from '../bundles';
import { Commands } from '../constants';
import type { Finding } from '../detect';
import { composeEdit, type LiteralToReplace } from '../lens/composeEdit';
import type { DiagnosticsController } from '../lens/diagnostics';
import { isFindingRef, type FindingRef } from '../lens/findingRef';
import { relativePath, type FindingsStore } from '../lens/findingsStore';
import { jsonKeys, suggestName } from '../lens/naming';
import type { LookupTarget } from '../snippets';
import type { CommandDeps } from './shared/deps';
import { registerCommand, UserCancelled, UserError, withProgress } from './shared/feedback';
import { kmsAliasItems } from './shared/kms';
import { pickItem, resolveScope, type Scope } from './shared/pickers';
import { treeItemChanged } from './shared/targets';
import { readValue } from './shared/values';
import { ask, choose } from './shared/wizard';

export interface ProtectDeps extends CommandDeps {
  readonly findings: FindingsStore;
  readonly diagnostics: DiagnosticsController;
}

type Service = 'secretsmanager' | 'ssm';

const SERVICE_NAMES: Record<Service, string> = { secretsmanager: 'Secrets Manager', ssm: 'Parameter Store' };

/** The fixes for hard-coded secrets: move the value into AWS and fetch it from code, reuse an existing one, or ignore. */
export function registerProtectCommands(deps: ProtectDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.moveToSecretsManager, 'Move to Secrets Manager', (ref?: FindingRef) => moveToAws(deps, 'secretsmanager', ref)),
    registerCommand(deps, Commands.moveToParameterStore, 'Move to Parameter Store', (ref?: FindingRef) => moveToAws(deps, 'ssm', ref)),
    registerCommand(deps, Commands.useExisting, 'Use existing secret or parameter', (ref?: FindingRef) => useExisting(deps, ref)),
    registerCommand(deps, Commands.ignoreFinding, 'Ignore finding', (ref?: FindingRef) => ignoreFinding(deps, ref)),
  ];
}

interface Located {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly group: Finding[];
  /** The hard-coded values, held only while the fix runs. */
  readonly values: string[];
}

/** The finding a fix was invoked on (from a lens, hover or code action), or the one at the cursor. */
async function locate(deps: ProtectDeps, ref: FindingRef | undefined): Promise<Located> {
  const resolved = isFindingRef(ref) ? ref : await refAtCursor(deps);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(resolved.uri));
  const version = document.version;
  const group = await deps.findings.group(document, resolved.groupId);
  if (group.length === 0) throw new UserError('That hard-coded value is no longer found in the file (it changed). Try the fix again from the current line.');
  const text = document.getText();
  return { document, version, group, values: group.map((f) => text.slice(f.secretRange.start, f.secretRange.end)) };
}

async function refAtCursor(deps: ProtectDeps): Promise<FindingRef> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new UserError('Open a file with a hard-coded secret and put the cursor on it.');
  const offset = editor.document.offsetAt(editor.selection.active);
  const found = await deps.findings.findings(editor.document);
  const finding = found.find((f) => f.replaceRange.start <= offset && offset <= f.replaceRange.end) ?? found.find((f) => f.replaceRange.startLine === editor.selection.active.line);
  if (!finding) throw new UserError('There is no hard-coded secret at the cursor.');
  return { uri: editor.document.uri.toString(), groupId: finding.groupId };
}

async function moveToAws(deps: ProtectDeps, service: Service, ref: FindingRef | undefined): Promise<void> {
  const located = await locate(deps, ref);
  const { document, group, values } = located;
  const scope = await resolveScope(deps);
  const title = `Move to ${SERVICE_NAMES[service]} (${scope.region})`;
  // A group (an access key id with its secret key, a user and password) becomes one JSON value, one key each.
  const keys = group.length > 1 ? jsonKeys(group) : undefined;
  const value = keys ? JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, values[i]]))) : values[0];
  const sizeProblem = service === 'secretsmanager' ? secretValueProblem(value) : parameterValueProblem(value, 'Advanced');
  if (sizeProblem) throw new UserError(sizeProblem);

  const workspace = vscode.workspace.getWorkspaceFolder(document.uri)?.name;
  let name = suggestName(service, { workspace, fileName: document.fileName }, group);
  let overwrite = false;
  for (;;) {
    name = (
      await ask(deps.prompts, {
        title,
        prompt: `Name of the new ${service === 'secretsmanager' ? 'secret' : 'SecureString parameter'}${keys ? ` (one JSON key each: ${keys.join(', ')})` : ''}`,
        value: name,
        validate: (v) => (service === 'secretsmanager' ? secretNameProblem(v.trim()) : parameterNameProblem(v.trim())),
      })
    ).trim();
    const existing = await existingState(deps, scope, service, name);
    if (existing === 'absent') break;
    if (existing === 'deleted') {
      void deps.prompts.error(`${name} is scheduled for deletion in ${scope.region}. Restore it in the explorer, or choose another name.`);
      continue;
    }
    const add = await deps.prompts.warn(
      `${name} already exists in ${scope.region}. Store this value as its new version?`,
      { modal: true, detail: 'The current value stays available as the previous version.' },
      'Add New Version',
    );
    if (add === 'Add New Version') {
      overwrite = true;
      break;
    }
  }
  const defaultKey = service === 'secretsmanager' ? 'alias/aws/secretsmanager' : 'alias/aws/ssm';
  const key = overwrite ? undefined : (await choose(deps.prompts, { title, placeholder: 'KMS key that encrypts the value', items: () => kmsAliasItems(deps, scope, defaultKey) })).alias;
  const kmsKeyId = key === defaultKey ? undefined : key;

  // Only after AWS has confirmed the write is the file changed.
  await withProgress(`Storing ${name} in ${SERVICE_NAMES[service]}…`, async (signal) => {
    const runtime = await deps.aws();
    if (service === 'secretsmanager') {
      const store = await runtime.secrets(scope.profile, scope.region);
      if (overwrite) await store.putValue(name, { text: value }, { signal });
      else await store.create({ name, value: { text: value }, kmsKeyId, description: `Moved from ${relativePath(document.uri)} by AWS Secrets Lens` }, { signal });
    } else {
      const store = await runtime.parameters(scope.profile, scope.region);
      const tier = parameterValueProblem(value, 'Standard') ? 'Advanced' : undefined;
      await store.put({ name, value, type: 'SecureString', keyId: kmsKeyId, tier, overwrite, description: overwrite ? undefined : `Moved from ${relativePath(document.uri)} by AWS Secrets Lens` }, { signal });
    }
  });
  await treeItemChanged(deps.model, service === 'secretsmanager' ? { kind: 'secret', ...scope, name } : { kind: 'parameter', ...scope, name });
  const stored = `${SERVICE_NAMES[service]} ${service === 'secretsmanager' ? 'secret' : 'parameter'} ${name} (${scope.region}, profile ${scope.profile})`;
  const target = (i: number): LookupTarget => ({ service, name, region: scope.region, jsonKey: keys?.[i], secure: service === 'ssm' ? true : undefined });
  await replaceLiterals(deps, located, target, stored);
}

/** Replaces the group's literals with lookups of `target(i)`, as one edit; explains any reason it can't. */
async function replaceLiterals(deps: ProtectDeps, located: Located, target: (i: number) => LookupTarget, stored: string): Promise<void> {
  const { document, group } = located;
  const apply = async (literals: LiteralToReplace[], expectedVersion: number): Promise<'done' | 'stale' | { reason: string }> => {
    if (document.version !== expectedVersion) return 'stale';
    const composed = composeEdit(document.getText(), { languageId: document.languageId, fileName: document.fileName }, literals, snippetsBundle().literalReplacement);
    if (!composed.ok) return { reason: composed.reason };
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(composed.edit.start), document.positionAt(composed.edit.end)), composed.edit.newText);
    if (document.version !== expectedVersion || !(await vscode.workspace.applyEdit(edit))) return 'stale';
    const notes = composed.notes.length ? ` ${composed.notes.join(' ')}` : '';
    void deps.prompts.info(`Moved to ${stored}; the code now reads it from there.${notes}`);
    return 'done';
  };

  const first = await apply(literalsOf(group, target), located.version);
  if (first === 'done') return;
  if (first !== 'stale') {
    void deps.prompts.error(`Stored the value in ${stored}, but this file can't be rewritten automatically: ${first.reason} Use "Insert Retrieval Snippet" to add the lookup by hand.`);
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
  const current = (await deps.findings.findings(document)).filter((f) => located.values.includes(text.slice(f.secretRange.start, f.secretRange.end)));
  const retried = current.length ? await apply(literalsOf(current, (i) => target(located.values.indexOf(text.slice(current[i].secretRange.start, current[i].secretRange.end)))), document.version) : 'stale';
  if (retried !== 'done') void deps.prompts.error(`The value is stored in ${stored}, but the literal could not be replaced. Use "Insert Retrieval Snippet" to add the lookup.`);
}

/**
 * What each finding's fix replaces: the whole literal when the secret is all of it, else just
 * the secret inside it (a password in a connection string), which the generator splices.
 */
function literalsOf(findings: readonly Finding[], target: (i: number) => LookupTarget): LiteralToReplace[] {
  return findings.map((f, i) => {
    const quote = f.quote.length;
    const whole = f.secretRange.start === f.replaceRange.start + quote && f.secretRange.end === f.replaceRange.end - quote;
    const range = whole ? f.replaceRange : f.secretRange;
    return { start: range.start, end: range.end, target: target(i) };
  });
}

async function existingState(deps: ProtectDeps, scope: Scope, service: Service, name: string): Promise<'absent' | 'present' | 'deleted'> {
  const runtime = await deps.aws();
  try {
    if (service === 'secretsmanager') return (await (await runtime.secrets(scope.profile, scope.region)).describe(name)).deletedDate ? 'deleted' : 'present';
    await (await runtime.parameters(scope.profile, scope.region)).describe(name);
    return 'present';
  } catch (error) {
    if (isAwsError(error) && error.kind === 'notFound') return 'absent';
    throw error;
  }
}

async function useExisting(deps: ProtectDeps, ref: FindingRef | undefined): Promise<void> {
  const located = await locate(deps, ref);
  const scope = await resolveScope(deps);
  const kind = (
    await choose(deps.prompts, {
      title: 'Use an existing secret or parameter',
      items: [
        { label: '$(key) Secrets Manager', kind: 'secret' as const },
        { label: '$(list-tree) Parameter Store', kind: 'parameter' as const },
      ].map(({ label, kind: k }) => ({ label, itemKind: k })),
    })
  ).itemKind;
  const item = await pickItem(deps, scope, kind);
  // A JSON value: which key each hard-coded value corresponds to. The value is read for its keys only.
  const keysOf = Object.keys(parseJsonObject((await withProgress(`Reading ${item.name}…`, async (signal) => readValue(await deps.aws(), item, signal))).text) ?? {});
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
  const service: Service = item.kind === 'secret' ? 'secretsmanager' : 'ssm';
  const secure = item.kind === 'parameter' ? (item.summary?.type ?? 'SecureString') === 'SecureString' : undefined;
  await replaceLiterals(deps, located, (i) => ({ service, name: item.name, region: item.region, jsonKey: jsonKey[i], secure }), `${SERVICE_NAMES[service]} ${item.name} (${item.region})`);
}

async function ignoreFinding(deps: ProtectDeps, ref: FindingRef | undefined): Promise<void> {
  const located = await locate(deps, ref);
  const { document, group, values } = located;
  const detect = detectBundle();
  const comment = detect.commentFor(document.languageId);
  const baseline = deps.findings.baselineUri(document.uri);
  const choice = await choose(deps.prompts, {
    title: `Ignore this hard-coded ${group[0].kind}`,
    items: [
      ...(comment ? [{ label: '$(comment) Add an ignore comment above the line', how: 'comment' as const, detail: `${comment.start} ${detect.IGNORE_NEXT_LINE_MARKER}${comment.end ? ` ${comment.end}` : ''} — CI scans see it too` }] : []),
      ...(baseline ? [{ label: '$(checklist) Accept it in the baseline file', how: 'baseline' as const, detail: `${relativePath(baseline)} keeps a fingerprint (a hash, never the value)` }] : []),
    ],
  });
  if (choice.how === 'comment' && comment) {
    const edit = new vscode.WorkspaceEdit();
    for (const line of [...new Set(group.map((f) => f.secretRange.startLine))]) {
      const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
      edit.insert(document.uri, new vscode.Position(line, 0), `${indent}${comment.start} ${detect.IGNORE_NEXT_LINE_MARKER}${comment.end ? ` ${comment.end}` : ''}${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
    }
    if (document.version !== located.version || !(await vscode.workspace.applyEdit(edit))) throw new UserError('The file changed meanwhile; try again.');
    return;
  }
  if (!baseline) throw new UserCancelled();
  const path = relativePath(document.uri);
  let existing = new Set<string>();
  try {
    existing = new Set(detect.parseBaseline(Buffer.from(await vscode.workspace.fs.readFile(baseline)).toString('utf8')));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError)) throw new UserError(`${relativePath(baseline)} is not a baseline file this extension can read, so it was left alone.`);
  }
  for (let i = 0; i < group.length; i++) existing.add(detect.fingerprint(path, group[i], values[i]));
  await vscode.workspace.fs.writeFile(baseline, Buffer.from(detect.serializeBaseline(existing), 'utf8'));
  deps.findings.reset();
  deps.diagnostics.refreshAll();
  void deps.prompts.info(`Accepted in ${relativePath(baseline)}. Commit that file so CI (aws-secrets-lens scan --baseline) agrees.`);
}
