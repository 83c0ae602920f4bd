// A leaked AWS access key id found in code: the "Who Owns This Key?" quick fix asks STS
// GetAccessKeyInfo through the user's own profile (only the id is sent) and says whose account it
// is — one of the user's profiles' (then: the deactivation command to copy, and what the key did,
// from CloudTrail) or someone else's.
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { ACCOUNT_ID } from '../../emulator';
import { FAKE_ACCESS_KEY_ID } from '../../harness/awsProfiles';
import { accessRows } from './accessView';
import { waitFor } from './helpers';
import { asUser } from './scriptedUser';

const run = randomBytes(3).toString('hex');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const strangerKey = `AKIA${Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/** Opens a file with the key in it and returns the "Who Owns This Key?" action on its finding. */
async function whoOwnsAction(file: string, accessKeyId: string): Promise<vscode.Command> {
  writeFileSync(file, `import boto3\nsession = boto3.Session(aws_access_key_id="${accessKeyId}")\n`);
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  const finding = await waitFor(
    () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'AWS Secrets Lens' && d.code === 'aws-access-key-id'),
    'the access key finding',
  );
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, finding.range);
  const action = actions.find((a) => a.title === 'Who Owns This Key?');
  assert.ok(action && 'command' in action && action.command && typeof action.command === 'object', `offered; got ${actions.map((a) => a.title).join(', ')}`);
  return action.command as vscode.Command;
}

describe('Access: leaked keys', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const dir = path.join(folder, `keys-${run}`);
  before(() => mkdirSync(dir, { recursive: true }));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
  });

  it("says a key is one of the user's accounts, copies the deactivation command and shows what the key did", async () => {
    const command = await whoOwnsAction(path.join(dir, 'ours.py'), FAKE_ACCESS_KEY_ID);
    // Only the id is handed to the command: never the secret half.
    assert.deepEqual(command.arguments, [{ accessKeyId: FAKE_ACCESS_KEY_ID }]);
    const user = await asUser([{ button: 'Copy Deactivation Command' }], async () =>
      vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])),
    );
    const said = user.messages('warn')[0] ?? '';
    assert.match(said, new RegExp(`${FAKE_ACCESS_KEY_ID} belongs to AWS account ${ACCOUNT_ID}, the account of your profile demo`));
    assert.match(
      await vscode.env.clipboard.readText(),
      new RegExp(`^aws iam update-access-key --access-key-id ${FAKE_ACCESS_KEY_ID} --status Inactive --user-name .+ --profile demo$`),
    );

    // Something the key did: the demo profile (whose key it is) reads a secret.
    await asUser([], async () =>
      vscode.commands.executeCommand('awsSecrets.copyValue', { service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name: 'prod/payments/db' }),
    );
    await asUser([{ button: 'Show What This Key Did' }], async () => vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])));
    const rows = await accessRows();
    const events = rows.filter((r) => r.node.type === 'event');
    assert.ok(events.length > 0, rows.map((r) => `${r.label} ${r.description}`).join(' | '));
    for (const row of events) assert.match(row.tooltip, new RegExp(`Access key id: ${FAKE_ACCESS_KEY_ID}`));
    assert.ok(
      events.some((r) => r.label === 'GetSecretValue' && /Request named: prod\/payments\/db/.test(r.tooltip)),
      'the read is among them',
    );
  });

  it('says an unknown key belongs to another account, with nothing to run', async () => {
    const command = await whoOwnsAction(path.join(dir, 'theirs.py'), strangerKey);
    const user = await asUser([], async () => vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])));
    const said = user.messages('info')[0] ?? '';
    assert.match(said, new RegExp(`${strangerKey} belongs to AWS account \\d{12}, which is not the account of any of your profiles \\(demo: ${ACCOUNT_ID}\\)`));
    assert.doesNotMatch(said, new RegExp(`account ${ACCOUNT_ID},`));
  });
});
