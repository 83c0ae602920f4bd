import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeItem, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import { byteLength, parameterNameProblem, PARAMETER_MAX_BYTES, secretNameProblem, secretValueProblem } from '../aws/validation';
import { Commands } from '../constants';
import { effectiveEntries, parseReferencesFile, type FileEntry } from '../references/file';
import { formatReference, type AwsReference } from '../references/grammar';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { UserError } from '../ui/errors';
import { resolveScope, type Scope } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import { ask, choose, confirm } from '../ui/wizard';
import { DEFAULT_REFERENCES_FILE } from './referencesDocuments';

type Destination = 'secret' | 'parameters';
type Output = 'rewrite' | 'newFile';

/**
 * "Import .env into AWS…": the plain values of a `.env` go into one JSON secret (one key per
 * entry) or one SecureString parameter per entry under a path; once AWS has them, the file is
 * rewritten into references as one edit (one undo), or a new references file is written and
 * deleting the plain one is offered. Entries that are already references, and empty values
 * (which AWS does not store), stay as they are — the preview says so.
 */
export function registerImportCommand(deps: FeatureDeps): vscode.Disposable {
  return registerCommand(deps, Commands.importEnv, 'Import .env into AWS', async (arg?: vscode.Uri) => {
    const document = await vscode.workspace.openTextDocument(arg instanceof vscode.Uri ? arg : activeDotenv());
    const version = document.version;
    const label = vscode.workspace.asRelativePath(document.uri);
    const file = parseReferencesFile(document.getText());
    const entries = effectiveEntries(file);
    const plain = entries.filter((e) => e.valid && e.references.length === 0 && e.entry.value !== '');
    const kept = entries.filter((e) => !plain.includes(e));
    if (plain.length === 0) throw new UserError(`${label} has no plain values to import: every entry is empty or already a reference.`);

    const destination = (
      await choose(deps.prompts, {
        title: `Import ${plain.length} value${plain.length === 1 ? '' : 's'} of ${label}`,
        placeholder: 'Where the values go',
        items: [
          { label: '$(key) One JSON secret in Secrets Manager', description: 'one key per entry', destination: 'secret' as Destination },
          {
            label: '$(list-tree) One SecureString parameter per entry',
            description: 'under a path in Parameter Store',
            destination: 'parameters' as Destination,
          },
        ],
      })
    ).destination;
    const scope = await resolveScope(deps);
    const aws = await deps.aws();
    const base = suggestBase(document.uri);
    const where = `${scope.region}, profile ${profileLabel(scope.profile)}`;

    let target: string;
    if (destination === 'secret') {
      const value = JSON.stringify(Object.fromEntries(plain.map((e) => [e.key, e.entry.value])));
      const problem = secretValueProblem(value);
      if (problem) throw new UserError(`The values of ${label} do not fit in one secret: ${problem}`);
      target = await ask(deps.prompts, {
        title: `Secret for ${label} (${where})`,
        prompt: 'Name of the new secret',
        value: base,
        validate: (v) => secretNameProblem(v.trim()),
        validateOnAccept: async (v) =>
          (await (await aws.secrets(scope.profile, scope.region)).find(v.trim())) ? `${v.trim()} already exists in ${where}.` : undefined,
      });
    } else {
      const tooBig = plain.find((e) => byteLength(e.entry.value) > PARAMETER_MAX_BYTES.Standard);
      if (tooBig) throw new UserError(`${tooBig.key} is larger than the 4,096 bytes of a standard parameter: import into a JSON secret instead.`);
      target = await ask(deps.prompts, {
        title: `Parameter path for ${label} (${where})`,
        prompt: 'Each entry becomes PATH/KEY',
        value: `/${base}`,
        validate: (v) => plain.map((e) => parameterNameProblem(`${v.trim().replace(/\/+$/, '')}/${e.key}`)).find(Boolean),
        validateOnAccept: async (v) => {
          const store = await aws.parameters(scope.profile, scope.region);
          for (const e of plain) {
            const name = `${v.trim().replace(/\/+$/, '')}/${e.key}`;
            if (await store.find(name)) return `${name} already exists in ${where}.`;
          }
          return undefined;
        },
      });
      target = target.trim().replace(/\/+$/, '');
    }
    target = target.trim();

    const output = (
      await choose(deps.prompts, {
        title: `Then, in ${label}`,
        items: [
          {
            label: `Rewrite ${path.basename(document.uri.fsPath)} into references`,
            description: 'one edit: one undo brings the values back',
            output: 'rewrite' as Output,
          },
          {
            label: `Write a new ${DEFAULT_REFERENCES_FILE}`,
            description: `and offer to delete ${path.basename(document.uri.fsPath)}`,
            output: 'newFile' as Output,
          },
        ],
      })
    ).output;

    const created = destination === 'secret' ? `secret ${target} with ${plain.length} keys` : `${plain.length} SecureString parameters under ${target}/`;
    const stays = kept.length ? ` Staying as they are: ${kept.map((e) => e.key).join(', ')} (empty, or already references).` : '';
    await confirm(
      deps.prompts,
      `Create ${created} in ${where}?`,
      `Entries: ${plain.map((e) => e.key).join(', ')}.${stays} ${output === 'rewrite' ? `Then each value in ${label} becomes a reference.` : `Then ${DEFAULT_REFERENCES_FILE} is written with the references.`}`,
      'Create',
    );

    const references = await withProgress(`Storing ${plain.length} values in AWS…`, (signal, report) =>
      store(deps, scope, destination, target, plain, signal, report),
    );
    const done = new Map(references.map((r) => [r.key, r.reference]));
    const missing = plain.filter((e) => !done.has(e.key));

    if (output === 'rewrite') {
      if (document.version !== version) {
        throw new UserError(
          `${label} changed while you answered, so it was left alone. The values are stored (${created}); replace them with references by hand.`,
        );
      }
      const edit = new vscode.WorkspaceEdit();
      // The header makes the file say where its references are read, for every later run.
      if (!file.header.profile && !file.header.region) edit.insert(document.uri, new vscode.Position(0, 0), `${headerLine(scope)}\n`);
      for (const entry of plain.filter((e) => done.has(e.key))) edit.replace(document.uri, rangeOf(entry), formatReference(done.get(entry.key)!));
      await vscode.workspace.applyEdit(edit);
      await vscode.window.showTextDocument(document);
      void deps.prompts.info(
        `Stored ${done.size} values (${created}); ${label} now holds references. Save it to take the values off the disk; Undo brings them back.`,
      );
    } else {
      const newUri = vscode.Uri.joinPath(document.uri, '..', DEFAULT_REFERENCES_FILE);
      const lines = [
        `# aws-secrets-lens: profile=${scope.profile} region=${scope.region}`,
        ...entries.map((e) => `${e.key}=${done.has(e.key) ? formatReference(done.get(e.key)!) : e.entry.written}`),
      ];
      await vscode.workspace.fs.writeFile(newUri, new TextEncoder().encode(`${lines.join('\n')}\n`));
      await vscode.window.showTextDocument(newUri);
      const choice = await deps.prompts.info(
        `Stored ${done.size} values (${created}) and wrote ${vscode.workspace.asRelativePath(newUri)}. ${label} still holds the plain values.`,
        'Delete Plain File',
      );
      if (choice === 'Delete Plain File') {
        await confirm(deps.prompts, `Delete ${label}?`, 'It holds the plain values. It goes to the trash where the system has one.', 'Delete');
        await vscode.workspace.fs.delete(document.uri, { useTrash: true });
      }
    }
    if (missing.length > 0) throw new UserError(`Not stored, so left as they are: ${missing.map((e) => e.key).join(', ')}. See the log for why.`);
  });
}

/** Stores the values; returns the reference of each one AWS confirmed. A failure stops the rest (what was stored is kept and referenced). */
async function store(
  deps: FeatureDeps,
  scope: Scope,
  destination: Destination,
  target: string,
  plain: readonly FileEntry[],
  signal: AbortSignal,
  report: (message: string) => void,
): Promise<{ key: string; reference: AwsReference }[]> {
  const aws = await deps.aws();
  if (destination === 'secret') {
    const value = JSON.stringify(Object.fromEntries(plain.map((e) => [e.key, e.entry.value])));
    const written = await (
      await aws.secrets(scope.profile, scope.region)
    ).create({ name: target, value: { text: value }, description: 'Imported from a .env file' }, { signal });
    const item: ItemRef = { service: 'secretsmanager', ...scope, name: written.name, arn: written.arn };
    deps.model.itemChanged(item);
    deps.log.info(`imported ${plain.length} keys into ${describeItem(item)}`);
    return plain.map((e) => ({ key: e.key, reference: { service: 'secretsmanager', secretId: target, name: target, jsonKey: e.key } }));
  }
  const parameters = await aws.parameters(scope.profile, scope.region);
  const stored: { key: string; reference: AwsReference }[] = [];
  for (const [index, entry] of plain.entries()) {
    const name = `${target}/${entry.key}`;
    report(`${index + 1} of ${plain.length}: ${name}`);
    try {
      await parameters.put({ name, value: entry.entry.value, type: 'SecureString', overwrite: false, description: 'Imported from a .env file' }, { signal });
    } catch (error) {
      deps.log.error(`import stopped at ${name}: ${error instanceof Error ? error.message : String(error)}`);
      if (stored.length === 0) throw error;
      break;
    }
    deps.model.itemChanged({ service: 'ssm', ...scope, name });
    stored.push({ key: entry.key, reference: { service: 'ssm', parameterName: name, name, secure: true } });
  }
  return stored;
}

function headerLine(scope: Scope): string {
  return `# aws-secrets-lens: profile=${scope.profile} region=${scope.region}`;
}

function rangeOf(entry: FileEntry): vscode.Range {
  const r = entry.entry.valueRange;
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function activeDotenv(): vscode.Uri {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== 'file')
    throw new UserError('Open the .env file to import first, or run this from its context menu in the Explorer.');
  return document.uri;
}

/** `acme-payments/dev` for `acme-payments/.env.dev`; `acme-payments/env` for `acme-payments/.env`. */
function suggestBase(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.name ?? path.basename(path.dirname(uri.fsPath));
  const leaf =
    path
      .basename(uri.fsPath)
      .replace(/^\.env\.?/, '')
      .replace(/\.env$/, '') || 'env';
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return [slug(folder), slug(leaf)].filter(Boolean).join('/');
}
