// What a workspace or a profile name cannot do: a profile name is never run by a shell ("Sign In
// with AWS SSO" starts the AWS CLI with an argument vector, in the home folder); a workspace
// cannot weaken protection or choose where values go (its values of those settings are ignored in
// restricted mode — the browser scenario untrusted.e2e.ts sees it happen); and a value moved out of
// a workspace file always asks for the profile and region.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { productExtension, waitFor, withSetting } from './helpers';
import { asUser } from './scriptedUser';

describe('profiles, trust and where values go', () => {
  it('runs "aws sso login" without a shell: a hostile profile name is one argument, never a command', async () => {
    const marker = join(tmpdir(), `asl-sso-injection-${Date.now()}`);
    // A section name the credentials file accepts: a shell would run the touch.
    const profile = `dev';touch\${IFS}${marker};'`;
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const listener = vscode.window.onDidOpenTerminal((terminal) => {
        if (terminal.name.startsWith('AWS SSO login')) {
          listener.dispose();
          resolve(terminal);
        }
      });
    });
    await vscode.commands.executeCommand('awsSecrets.ssoLogin', profile);
    const terminal = await opened;
    try {
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.equal(options.shellPath, 'aws');
      assert.deepEqual(options.shellArgs, ['sso', 'login', '--profile', profile]);
      assert.equal(String(options.cwd), homedir());
      // Whether or not an AWS CLI is installed here, its process ends; no shell ever saw the name.
      await waitFor(() => terminal.exitStatus !== undefined || vscode.window.terminals.every((t) => t !== terminal), 'the login process to end', 30_000);
      assert.equal(existsSync(marker), false, 'the name was not executed');
    } finally {
      terminal.dispose();
    }
  });

  it('declares every setting that weakens protection or chooses where values go as restricted in untrusted workspaces', () => {
    const manifest = productExtension().packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const setting of [
      'awsSecrets.clipboardClearSeconds',
      'awsSecrets.detection.severity',
      'awsSecrets.detection.codeLens',
      'awsSecrets.detection.enabled',
      'awsSecrets.detection.exclude',
      'awsSecrets.detection.baselineFile',
      'awsSecrets.profiles',
      'awsSecrets.regions',
      'awsSecrets.lookups.check',
    ]) {
      assert.ok(restricted.includes(setting), `${setting} is restricted`);
      assert.ok(setting in manifest.contributes.configuration.properties, `${setting} is a real setting`);
    }
  });

  it('asks for the profile and region before moving a value, even when the settings leave only one', async () => {
    const restoreProfiles = await withSetting('awsSecrets.profiles', ['demo']);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'a workspace folder is open');
    const file = join(folder, `scope-${Date.now().toString(36)}`, 'settings.py');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'DB_PASSWORD = "Qz8mK3vT6wX1pL9rB4nH"\n');
    const document = (await vscode.window.showTextDocument(vscode.Uri.file(file))).document;
    try {
      const lens = await waitFor(
        async () =>
          ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).find(
            (l) => l.command?.title === 'Move to Secrets Manager',
          ),
        'the Move to Secrets Manager lens',
      );
      const user = await asUser(
        [
          { pick: 'demo', title: /AWS profile/ },
          { pick: 'us-east-1', title: /Region for demo/ },
          { dismiss: true, title: /Name of the new secret/ },
        ],
        () => vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])),
      );
      assert.deepEqual(
        user.shown.filter((s) => s.level === 'question' && /AWS profile|Region for/.test(s.text)).length,
        2,
        'both questions were asked with a single choice each',
      );
    } finally {
      await restoreProfiles();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
