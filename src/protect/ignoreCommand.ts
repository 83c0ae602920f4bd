import * as vscode from 'vscode';
import { Commands } from '../constants';
import { detectBundle } from '../loading/bundles';
import { registerCommand } from '../ui/commands';
import { UserCancelled, UserError } from '../ui/errors';
import { choose } from '../ui/wizard';
import type { Baseline } from '../detect';
import type { FindingRef } from './findingRef';
import { relativePath } from './findingsStore';
import { locate } from './fixCommands';
import type { ProtectDeps } from './protectDeps';

/** Ignore a finding: a marker comment CI scanners honour too, or its fingerprint in the baseline file. */
export function registerIgnoreCommand(deps: ProtectDeps): vscode.Disposable {
  return registerCommand(deps, Commands.ignoreFinding, 'Ignore finding', (ref?: FindingRef) => ignoreFinding(deps, ref));
}

async function ignoreFinding(deps: ProtectDeps, ref: FindingRef | undefined): Promise<void> {
  const located = await locate(deps, ref);
  const { document, group } = located;
  const detect = detectBundle();
  const comment = detect.commentFor(document.languageId);
  const baseline = deps.findings.baselineUri(document.uri);
  const choice = await choose(deps.prompts, {
    title: `Ignore this hard-coded ${group[0].kind}`,
    items: [
      ...(comment
        ? [
            {
              label: '$(comment) Add an ignore comment above the line',
              how: 'comment' as const,
              detail: `${comment.start} ${detect.IGNORE_NEXT_LINE_MARKER}${comment.end ? ` ${comment.end}` : ''} — CI scans see it too`,
            },
          ]
        : []),
      ...(baseline
        ? [
            {
              label: '$(checklist) Accept it in the baseline file',
              how: 'baseline' as const,
              detail: `${relativePath(baseline)} keeps a fingerprint (a hash, never the value)`,
            },
          ]
        : []),
    ],
  });
  if (choice.how === 'comment' && comment) {
    const edit = new vscode.WorkspaceEdit();
    for (const line of [...new Set(group.map((f) => f.secretRange.startLine))]) {
      const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
      edit.insert(
        document.uri,
        new vscode.Position(line, 0),
        `${indent}${comment.start} ${detect.IGNORE_NEXT_LINE_MARKER}${comment.end ? ` ${comment.end}` : ''}${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`,
      );
    }
    if (document.version !== located.version || !(await vscode.workspace.applyEdit(edit))) throw new UserError('The file changed meanwhile; try again.');
    return;
  }
  if (!baseline) throw new UserCancelled();
  let existing: Baseline = { fingerprints: new Set(), legacy: new Set() };
  try {
    existing = detect.parseBaseline(Buffer.from(await vscode.workspace.fs.readFile(baseline)).toString('utf8'));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError))
      throw new UserError(`${relativePath(baseline)} is not a baseline file this extension can read, so it was left alone.`);
  }
  // Version 2 fingerprints (location and name, never the value); entries of an older baseline are kept as they are.
  const added = deps.findings.fingerprintsOf(document, group);
  await vscode.workspace.fs.writeFile(baseline, Buffer.from(detect.serializeBaseline([...existing.fingerprints, ...added], existing.legacy), 'utf8'));
  deps.findings.reset();
  deps.diagnostics.refreshAll();
  void deps.prompts.info(`Accepted in ${relativePath(baseline)}. Commit that file so CI (aws-secrets-lens scan --baseline) agrees.`);
}
