import * as vscode from 'vscode';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { configFilePaths } from '../aws/configFiles';
import { ENVIRONMENT_PROFILE } from '../aws/profileNames';
import type { AwsRuntime } from '../aws/types';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { nodeScope } from '../tree/nodeScope';
import { registerCommand } from '../ui/commands';
import type { Log } from '../ui/logging';
import type { Prompts } from '../ui/prompts';
import { choose } from '../ui/wizard';

const CONFIG_TEMPLATE = `# AWS CLI and SDK configuration. Each [profile NAME] appears in AWS Secrets Lens.
# Docs: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
#
# [profile dev]
# region = eu-west-1
# sso_session = my-sso
# sso_account_id = 123456789012
# sso_role_name = Developer
#
# [sso-session my-sso]
# sso_start_url = https://my-company.awsapps.com/start
# sso_region = eu-west-1
#
# [profile local]
# region = us-east-1
# endpoint_url = http://localhost:4566
`;

export function registerProfileCommands(deps: { log: Log; prompts: Prompts; aws: () => Promise<AwsRuntime>; refresh: () => void }): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.openConfigFile, 'Open AWS config file', async () => {
      const path = configFilePaths().config;
      // A missing or empty file gets a commented example to start from; anything else is left as it is.
      if ((await contentOf(path)).trim() === '') {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, CONFIG_TEMPLATE);
      }
      await vscode.window.showTextDocument(vscode.Uri.file(path));
    }),
    registerCommand(deps, Commands.ssoLogin, 'Sign in with AWS SSO', async (arg?: ExplorerNode | string) => {
      const profile = typeof arg === 'string' ? arg : arg ? nodeScope(arg)?.profile.name : await pickSsoProfile(deps.prompts, await deps.aws());
      if (!profile || profile === ENVIRONMENT_PROFILE) return;
      // The AWS CLI runs as the terminal's process with an argument vector: no shell ever parses
      // the profile name, which the credentials file lets contain quotes, $ and ; (a config file
      // section cannot). It starts in the home folder, not in a workspace that may not be trusted.
      const terminal = vscode.window.createTerminal({
        name: `AWS SSO login (${profile})`,
        shellPath: 'aws',
        shellArgs: ['sso', 'login', '--profile', profile],
        cwd: homedir(),
      });
      terminal.show();
      // When the login terminal closes, the session is probably fresh: reload the tree.
      const closed = vscode.window.onDidCloseTerminal((t) => {
        if (t !== terminal) return;
        closed.dispose();
        deps.refresh();
      });
    }),
    vscode.commands.registerCommand(Commands.showLog, () => deps.log.show()),
  ];
}

async function pickSsoProfile(prompts: Prompts, aws: AwsRuntime): Promise<string | undefined> {
  const sso = (await aws.listProfiles()).filter((p) => p.kind === 'sso');
  if (sso.length === 0) {
    void prompts.info('No SSO profile is configured. Set one up with "aws configure sso".');
    return undefined;
  }
  if (sso.length === 1) return sso[0].name;
  return (await choose(prompts, { title: 'Sign in to which SSO profile?', items: sso.map((p) => ({ label: p.name })) })).label;
}

async function contentOf(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}
