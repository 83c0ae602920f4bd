// Least-privilege policies in a real VS Code: "Generate IAM Policy for This Workspace" reads the
// workspace's code (a Python file written here), looks the names up in the emulator and opens the
// policy as an untitled document in the chosen format; a name AWS does not have is said, never
// granted with "*". "Copy IAM Policy for Reading" copies one item's policy.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { ACCOUNT_ID } from '../../emulator';
import { waitFor } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, parameterNode } from './tree';

const run = randomBytes(3).toString('hex');

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: unknown;
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

describe('Access: policy', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const dir = path.join(folder, `policy-${run}`);

  before(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'app.py'),
      [
        'import boto3',
        'secrets = boto3.client("secretsmanager")',
        'ssm = boto3.client("ssm")',
        'DB = secrets.get_secret_value(SecretId="prod/payments/db")["SecretString"]',
        'HOST = ssm.get_parameter(Name="/app/prod/payments/db-host")["Parameter"]["Value"]',
        `GONE = secrets.get_secret_value(SecretId="missing-${run}/token")["SecretString"]`,
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    // The generated policies are untitled documents: closed without the "save?" question.
    while (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the workspace policy as JSON: the exact ARNs read; a secret not found is said and matched by its suffix wildcard only', async () => {
    const user = await asUser([{ pick: 'IAM JSON', title: /IAM policy for \d+ names?: format/ }], async () =>
      vscode.commands.executeCommand('awsSecrets.generateWorkspacePolicy'),
    );
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor, 'the policy document');
    assert.equal(editor.document.languageId, 'json');
    const policy = JSON.parse(editor.document.getText()) as { Version: string; Statement: Statement[] };
    assert.equal(policy.Version, '2012-10-17');
    const resources = policy.Statement.flatMap((s) => list(s.Resource));
    assert.ok(
      resources.some((r) => new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:prod/payments/db-[A-Za-z0-9]{6}$`).test(r)),
      `the secret's full ARN: ${resources.join(', ')}`,
    );
    assert.ok(resources.includes(`arn:aws:ssm:us-east-1:${ACCOUNT_ID}:parameter/app/prod/payments/db-host`), `the parameter's ARN: ${resources.join(', ')}`);
    // A secret AWS does not have (yet) is named with AWS's documented 6-character suffix wildcard, and the user is told.
    assert.ok(resources.includes(`arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:missing-${run}/token-??????`), resources.join(', '));
    assert.ok(!resources.includes('*'), 'no "*" resource');
    for (const s of policy.Statement) assert.equal(s.Effect, 'Allow');
    assert.ok(policy.Statement.some((s) => list(s.Action).includes('secretsmanager:GetSecretValue')));
    assert.ok(policy.Statement.some((s) => list(s.Action).includes('ssm:GetParameter')));
    const said = user.messages('info').join('\n');
    assert.match(said, new RegExp(`missing-${run}/token \\(us-east-1\\): not found in us-east-1`), said);
  });

  it('offers Terraform and CloudFormation too', async () => {
    await asUser([{ pick: 'Terraform' }], async () => vscode.commands.executeCommand('awsSecrets.generateWorkspacePolicy'));
    const terraform = await waitFor(
      () => vscode.window.activeTextEditor?.document.getText().includes('aws_iam_policy_document') && vscode.window.activeTextEditor,
      'Terraform',
    );
    assert.match(terraform.document.getText(), /prod\/payments\/db-/);
    assert.match(terraform.document.getText(), new RegExp(`#.*missing-${run}/token`), 'the unknown name as a comment');
    await asUser([{ pick: 'CloudFormation' }], async () => vscode.commands.executeCommand('awsSecrets.generateWorkspacePolicy'));
    const template = await waitFor(
      () => vscode.window.activeTextEditor?.document.getText().includes('AWS::IAM::ManagedPolicy') && vscode.window.activeTextEditor,
      'CloudFormation',
    );
    assert.match(template.document.getText(), /parameter\/app\/prod\/payments\/db-host/);
  });

  it('copies the policy for reading one parameter', async () => {
    const provider = await explorer();
    const user = await asUser([], async () =>
      vscode.commands.executeCommand('awsSecrets.copyReadPolicy', await parameterNode(provider, '/app/prod/payments/db-host')),
    );
    const policy = JSON.parse(await vscode.env.clipboard.readText()) as { Statement: Statement[] };
    assert.deepEqual(
      policy.Statement.flatMap((s) => list(s.Resource)),
      [`arn:aws:ssm:us-east-1:${ACCOUNT_ID}:parameter/app/prod/payments/db-host`],
    );
    assert.match(user.messages('info')[0] ?? '', /Copied the IAM policy that lets a principal read \/app\/prod\/payments\/db-host/);
  });
});
