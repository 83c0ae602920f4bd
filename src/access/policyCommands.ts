import * as vscode from 'vscode';
import { describeItem, ITEM_SERVICES, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import { Commands } from '../constants';
import { detectBundle, policyBundle } from '../loading/bundles';
import type { GeneratedPolicy, PolicyFormat, PolicyTarget } from '../policy';
import { readDetectionSettings } from '../settings/settings';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveItem, resolveScope } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { AccessDeps } from './accessDeps';

const FORMATS: readonly { label: string; format: PolicyFormat; language: string; detail: string }[] = [
  { label: 'IAM JSON', format: 'json', language: 'json', detail: 'For the IAM console, aws iam create-policy, or a role’s inline policy' },
  { label: 'Terraform', format: 'terraform', language: 'terraform', detail: 'An aws_iam_policy_document and its aws_iam_policy' },
  { label: 'CloudFormation', format: 'cloudformation', language: 'yaml', detail: 'A template with an AWS::IAM::ManagedPolicy' },
];

/** Generate IAM Policy for This Workspace, and Copy IAM Policy for Reading on one item. */
export function registerPolicyCommands(deps: AccessDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.generateWorkspacePolicy, 'Generate the IAM policy', async () => {
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
      if (folders.length === 0) throw new UserError('Open a folder: the policy is made from the secrets and parameters its code reads by name.');
      const targets = await withProgress('Finding the secrets and parameters the workspace reads…', async () => collectTargets(folders));
      const source = folders.length === 1 ? folders[0]!.name : 'this workspace';
      if (targets.length === 0) throw new UserError(`No secret or parameter is read by a literal name in ${source}, so there is nothing to grant.`);
      const scope = await resolveScope(deps);
      // In restricted mode the names in the workspace's code are never sent to AWS on their own (the lookup lens is silent): only when the user says so here.
      if (!vscode.workspace.isTrusted) {
        const go = await deps.prompts.warn(
          `This workspace is not trusted. Generating its policy sends the ${targets.length} name${targets.length === 1 ? '' : 's'} its code reads to AWS (profile ${profileLabel(scope.profile)}, ${scope.region}) to learn their ARNs and keys.`,
          { modal: true, detail: 'Nothing else of the workspace is sent, and no value is read.' },
          'Look Them Up',
        );
        if (go !== 'Look Them Up') return;
      }
      const chosen = await deps.prompts.pick(FORMATS, { title: `IAM policy for ${targets.length} name${targets.length === 1 ? '' : 's'}: format` });
      if (!chosen || typeof chosen === 'symbol') return;
      const generated = await generate(deps, targets, scope, source);
      const policy = generated.policy;
      if (!policy)
        throw new UserError(
          `None of the ${targets.length} names in ${source} could be found in ${scope.region} (profile ${profileLabel(scope.profile)}): ${notes(generated)}`,
        );
      const text = policyBundle().renderPolicy({ ...generated, policy }, chosen.format, source);
      const languages = await vscode.languages.getLanguages();
      const document = await vscode.workspace.openTextDocument({
        content: text,
        language: languages.includes(chosen.language) ? chosen.language : 'plaintext',
      });
      await vscode.window.showTextDocument(document);
      const summary = policyBundle().summaryLine(generated, source);
      deps.log.info(
        `generated the ${chosen.format} policy for ${source}: ${generated.secrets} secrets, ${generated.parameters} parameters, ${generated.notes.length} notes`,
      );
      // JSON has no comments: what the policy leaves out or approximates is said beside it.
      void deps.prompts.info(generated.notes.length ? `${summary} ${notes(generated)}` : summary);
    }),
    registerCommand(deps, Commands.copyReadPolicy, 'Copy the IAM policy for reading', async (arg?: ExplorerNode | ItemRef) => {
      const ref = await resolveItem(deps, arg, ITEM_SERVICES);
      const target = policyBundle().targetOf(ref.service, ref.service === 'secretsmanager' ? (ref.arn ?? ref.name) : ref.name, { file: '', line: 0 });
      const generated = await generate(deps, [{ ...target, places: [] }], ref, describeItem(ref));
      if (!generated.policy) throw new UserError(`No policy for ${describeItem(ref)}: ${notes(generated)}`);
      await vscode.env.clipboard.writeText(`${JSON.stringify(generated.policy, null, 2)}\n`);
      const remarks = generated.notes.map((n) => n.message).join(' ');
      void deps.prompts.info(`Copied the IAM policy that lets a principal read ${ref.name}${remarks ? `. ${remarks}` : '.'}`);
    }),
  ];
}

async function generate(
  deps: AccessDeps,
  targets: readonly PolicyTarget[],
  scope: { profile: string; region: string },
  source: string,
): Promise<GeneratedPolicy> {
  const policy = policyBundle();
  return withProgress(`Looking up the ARNs and keys for ${source}…`, async (signal) =>
    policy.buildPolicy(await policy.resolveTargets(await deps.aws(), targets, { profile: scope.profile, region: scope.region, signal })),
  );
}

/** What the CLI reads: each folder's files (the detection excludes and .gitignore respected), an open document as it is in the editor. */
async function collectTargets(folders: readonly vscode.WorkspaceFolder[]): Promise<PolicyTarget[]> {
  const detect = detectBundle();
  const policy = policyBundle();
  const { exclude } = readDetectionSettings();
  const targets: PolicyTarget[] = [];
  for (const folder of folders) {
    const { files } = detect.collectFiles([folder.uri.fsPath], { cwd: folder.uri.fsPath, excludeGlobs: exclude, useGitignore: true });
    for (const [i, file] of files.entries()) {
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file.absolutePath);
      const read = open ? { text: open.getText() } : detect.readScannableFile(file.absolutePath);
      if (!('text' in read)) continue;
      const where = folders.length > 1 ? `${folder.name}/${file.relativePath}` : file.relativePath;
      targets.push(...policy.targetsInFile(where, read.text, detect.findLookups));
    }
  }
  return policy.mergeTargets(targets);
}

function notes(generated: GeneratedPolicy): string {
  return policyBundle().noteLines(generated.notes).join(' ');
}
