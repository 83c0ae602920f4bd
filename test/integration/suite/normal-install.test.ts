// Runs only in the launcher's second session, which starts VS Code as a user's install does:
// without AWS_SECRETS_LENS_TEST_HOOKS. The hooks replace every question the extension asks
// (MFA codes and secret values too), so no other extension may reach them.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Env } from '../../harness/env';
import { activateProduct, productExtension } from './helpers';

describe('@normal-install: activation outside the test harness', () => {
  it('runs without the test-hooks variable, from the installed VSIX', () => {
    assert.equal(process.env[Env.testHooks], undefined);
    assert.match(productExtension().extensionPath, /secrets-lens\.aws-secrets-lens-/);
  });

  it('exports nothing another extension could use to answer its prompts', async () => {
    const exported = await activateProduct<unknown>();
    assert.equal(productExtension().isActive, true);
    assert.equal(exported, undefined);
    assert.equal(productExtension().exports, undefined);
  });

  it('registers no command that swaps the prompts', async () => {
    const ours = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('awsSecrets.'));
    assert.ok(ours.length > 20, 'the product’s commands are registered');
    assert.deepEqual(
      ours.filter((id) => /prompt|script|hook|test/i.test(id)),
      [],
    );
  });
});
