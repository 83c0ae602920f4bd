import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { profileLabel } from '../aws/profileNames';
import type { AwsProfile } from '../aws/types';
import { Commands, FINDINGS } from '../constants';
import { auditBundle } from '../loading/bundles';
import { readExplorerSettings } from '../settings/settings';
import { visibleProfiles } from '../tree/regions';
import { registerCommand } from '../ui/commands';
import { UserCancelled, UserError } from '../ui/errors';
import { pickProfile } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { AccessDeps } from './accessDeps';
import { openHistory } from './historyCommands';

/** Where Protect's findings can be: the same documents it scans. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
/** The Region STS and CloudTrail are asked in when a profile names none. */
const DEFAULT_REGION = 'us-east-1';

/** What "Who Owns This Key?" and "Show What This Key Did" are given: the key's id only, never its secret half. */
export interface KeyArgument {
  readonly accessKeyId: string;
  readonly profile?: string;
  readonly region?: string;
}

/**
 * "Who Owns This Key?" on a finding of an AWS access key id (Protect's diagnostics, recognised by
 * their source and rule): STS GetAccessKeyInfo through the user's own profile says the account;
 * GetCallerIdentity per profile says whether that account is one of theirs. Only the key id is
 * read from the document and sent; the secret half is never read.
 */
export class KeyOwnerActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== FINDINGS.source || diagnostic.code !== FINDINGS.accessKeyRule) continue;
      const accessKeyId = auditBundle().accessKeyIdIn(document.getText(diagnostic.range));
      if (!accessKeyId) continue;
      const action = new vscode.CodeAction('Who Owns This Key?', vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.command = { command: Commands.whoOwnsKey, title: 'Who Owns This Key?', arguments: [{ accessKeyId } satisfies KeyArgument] };
      actions.push(action);
    }
    return actions;
  }
}

export function registerKeyCommands(deps: AccessDeps): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(SELECTOR, new KeyOwnerActions(), KeyOwnerActions.metadata),
    registerCommand(deps, Commands.whoOwnsKey, 'Find who owns the access key', async (arg?: KeyArgument) => {
      const audit = auditBundle();
      const accessKeyId = arg?.accessKeyId ?? (await askKeyId(deps));
      if (!audit.ACCESS_KEY_ID.test(accessKeyId)) throw new UserError('That is not an AWS access key id (AKIA or ASIA and 16 letters and digits).'); // not echoed: it might be the secret half
      const asker = await pickProfile(deps);
      const runtime = await deps.aws();
      const profiles = visibleProfiles(await runtime.listProfiles(), readExplorerSettings().profiles);
      const regionOf = (name: string) => profiles.find((p) => p.name === name)?.region ?? DEFAULT_REGION;
      const { account, checked } = await withProgress(`Asking STS who owns ${accessKeyId}…`, async (signal) => {
        const owner = (await runtime.identity(asker, regionOf(asker))).accessKeyAccount(accessKeyId, { signal });
        // A profile that needs an MFA code is not asked (one prompt per profile for a question about a key), unless it is the one asking.
        const checked = profiles.map((p) =>
          p.mfaSerial && p.name !== asker
            ? Promise.resolve<{ profile: string; account?: string }>({ profile: profileLabel(p.name) })
            : accountOf(deps, p, signal),
        );
        return { account: await owner, checked: await Promise.all(checked) };
      });
      const owner = { accessKeyId, account, profiles: checked.filter((c) => c.account === account).map((c) => c.profile) };
      deps.log.info(
        `${accessKeyId} belongs to account ${account}${owner.profiles.length ? ` (profiles ${owner.profiles.join(', ')})` : ' (none of the profiles)'}`,
      );
      const message = audit.ownerMessage(owner, checked);
      if (owner.profiles.length === 0) {
        void deps.prompts.info(message);
        return owner;
      }
      const command = audit.deactivationCommand(owner);
      const actions = ['Show What This Key Did', command ? 'Copy Deactivation Command' : 'How to Revoke'];
      const choice = await deps.prompts.warn(`${message}${command ? ` To deactivate it: ${command}` : ''}`, { modal: false }, ...actions);
      const profile = owner.profiles[0]!;
      if (choice === 'Show What This Key Did')
        await vscode.commands.executeCommand(Commands.showKeyActivity, { accessKeyId, profile, region: regionOf(profile) });
      else if (choice === 'Copy Deactivation Command' && command) {
        await vscode.env.clipboard.writeText(command);
        void deps.prompts.info(
          'Copied the aws iam update-access-key command. Run it with credentials allowed to change the key; the extension does not change keys itself.',
        );
      } else if (choice === 'How to Revoke') void deps.prompts.info(audit.TEMPORARY_KEY_ADVICE);
      return owner;
    }),
    registerCommand(deps, Commands.showKeyActivity, 'Show what the access key did', async (arg?: KeyArgument) => {
      const accessKeyId = arg?.accessKeyId ?? (await askKeyId(deps));
      const profile = arg?.profile ?? (await pickProfile(deps));
      await openHistory(deps, { kind: 'accessKey', accessKeyId }, accessKeyId, profile, arg?.region ?? DEFAULT_REGION);
    }),
  ];
}

async function accountOf(deps: AccessDeps, profile: AwsProfile, signal: AbortSignal): Promise<{ profile: string; account?: string }> {
  try {
    const identity = await (await (await deps.aws()).identity(profile.name, profile.region ?? DEFAULT_REGION)).callerIdentity({ signal });
    return { profile: profileLabel(profile.name), account: identity.account };
  } catch (error) {
    if (!isAwsError(error) || error.kind === 'cancelled') throw error;
    deps.log.warn(`could not tell the account of profile ${profileLabel(profile.name)}: ${error.message}`);
    return { profile: profileLabel(profile.name) };
  }
}

async function askKeyId(deps: AccessDeps): Promise<string> {
  const answer = await deps.prompts.input({
    title: 'Who owns this key?',
    prompt: 'The access key id (AKIA… or ASIA…). Only the id is sent to STS; never type the secret access key.',
    validate: (text) => (auditBundle().ACCESS_KEY_ID.test(text.trim()) ? undefined : 'An access key id is AKIA or ASIA and 16 upper-case letters and digits.'),
  });
  if (answer === undefined || typeof answer === 'symbol') throw new UserCancelled();
  return answer.trim();
}
