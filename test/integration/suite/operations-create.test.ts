// Creating secrets and parameters from the command palette and the tree, with every answer
// checked the way the input boxes check it, and what was stored read back from AWS.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeSecret, parameter, secretText } from './awsCheck';
import { addFault, clearFaults } from './helpers';
import { asUser } from './scriptedUser';
import { explorer, labelsAt, nodeAt, parameterNode, secretNode } from './tree';

const run = Date.now().toString(36);

describe('create secret and parameter', () => {
  afterEach(() => clearFaults());

  it('creates a plain-text secret from the palette: name checked as typed, value hidden, tags', async () => {
    const provider = await explorer();
    await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager']);
    const name = `qa-${run}/plain`;
    const user = await asUser(
      [
        { pick: 'Plain text', title: /Create Secret in/ },
        { input: 'has space', refused: /“ ” is not allowed/, title: /Secret name/ },
        { input: name },
        { input: 'p4ss-Word-9', title: /hidden as you type/ },
        { pick: 'alias/aws/secretsmanager' },
        { input: 'QA plain secret' },
        { input: 'team=qa, env=test' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    assert.deepEqual(user.messages('info'), [`Created secret ${name} in us-east-1.`]);
    assert.equal(await secretText(name), 'p4ss-Word-9');
    const described = await describeSecret(name);
    assert.equal(described.Description, 'QA plain secret');
    assert.deepEqual(described.Tags?.map((t) => `${t.Key}=${t.Value}`).sort(), ['env=test', 'team=qa']);
    // It appears in the tree at once, without a refresh.
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `qa-${run}`])).includes('plain'));
  });

  it('creates a JSON secret from key/value pairs, started from a folder', async () => {
    const provider = await explorer();
    const folder = await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', 'prod']);
    const name = `prod/qa-${run}-db`;
    await asUser(
      [
        { pick: 'Key/value pairs' },
        { input: name, title: /Secret name/ },
        { input: 'username' },
        { input: 'app_user' },
        { input: 'password' },
        { input: 's3cr3t!' },
        { input: '' },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { input: '' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret', folder),
    );
    assert.deepEqual(JSON.parse((await secretText(name)) ?? ''), { username: 'app_user', password: 's3cr3t!' });
  });

  it('generates the value with GetRandomPassword when asked', async () => {
    const name = `qa-${run}/generated`;
    await asUser(
      [
        { pick: 'Generate a random password' },
        { input: name },
        { input: '24' },
        { pick: 'Letters and digits only' },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { input: '' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    assert.match((await secretText(name)) ?? '', /^[A-Za-z0-9]{24}$/);
  });

  it('refuses a name that exists or is scheduled for deletion before sending anything', async () => {
    const user = await asUser(
      [
        { pick: 'Plain text' },
        { input: 'prod/payments/db', refused: /already exists/ },
        { input: 'staging/legacy/ftp-credentials', refused: /scheduled for deletion\. Restore it/ },
        { dismiss: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    assert.deepEqual(user.messages('info'), []);
  });

  it('keeps every answer when AWS refuses the create, and retries with them', async () => {
    const name = `qa-${run}/denied`;
    await addFault({ service: 'secretsmanager', operation: 'CreateSecret', kind: 'accessDenied', times: 1 });
    const user = await asUser(
      [
        { pick: 'Plain text' },
        { input: name },
        { input: 'typed-once' },
        { pick: 'alias/aws/secretsmanager' },
        { input: 'kept description' },
        { input: '' },
        { button: 'Edit and Retry', title: /Access denied to secretsmanager:CreateSecret/ },
        // The wizard reopens with what was typed: Enter on each prefilled answer creates it.
        { accept: true, title: /Secret type/ },
        { accept: true, title: /Secret name/ },
        { accept: true, title: /hidden as you type/ },
        { accept: true },
        { accept: true },
        { accept: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    assert.match(user.messages('error')[0], new RegExp(`Access denied to secretsmanager:CreateSecret on ${name} in us-east-1 for profile demo`));
    assert.equal(await secretText(name), 'typed-once');
    assert.equal((await describeSecret(name)).Description, 'kept description');
  });

  it('refuses a value over 64 KB as it is typed', async () => {
    await asUser(
      [
        { pick: 'Plain text' },
        { input: `qa-${run}/big` },
        { input: 'x'.repeat(65_537), refused: /65,537 bytes; Secrets Manager stores at most 65,536/ },
        { dismiss: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
  });

  it('creates a SecureString parameter and offers the Advanced tier only when the value needs it', async () => {
    const provider = await explorer();
    await labelsAt(provider, ['demo', 'us-east-1', 'Parameter Store']);
    const name = `/qa/${run}/db-password`;
    await asUser(
      [
        { input: `qa/${run}/x`, refused: /must start with “\/”/ },
        { input: name },
        { pick: 'SecureString' },
        { input: 'hunter2-param' },
        { pick: 'alias/aws/ssm' },
        { input: 'DB password for QA' },
        { pick: 'No expiration' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createParameter'),
    );
    const stored = await parameter(name);
    assert.equal(stored?.Value, 'hunter2-param');
    assert.equal(stored?.Type, 'SecureString');
    const item = provider.getTreeItem(await parameterNode(provider, name));
    assert.match(String(item.description), /^SecureString · v1/);

    const big = `/qa/${run}/big`;
    await asUser(
      [
        { input: big },
        { pick: 'String' },
        { input: 'y'.repeat(5000) },
        { pick: 'Advanced tier', title: /5000 bytes: more than the Standard tier's 4 KB/ },
        { input: '' },
        { pick: 'No expiration' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createParameter'),
    );
    assert.equal((await parameter(big))?.Value?.length, 5000);
  });

  it('refuses empty values and parameter values over 8 KB as they are typed', async () => {
    await asUser([{ pick: 'Plain text' }, { input: `qa-${run}/empty` }, { input: '', refused: /The value is empty/ }, { dismiss: true }], () =>
      vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    await asUser(
      [
        { input: `/qa/${run}/huge` },
        { pick: 'String' },
        { input: 'z'.repeat(8193), refused: /8,193 bytes; Parameter Store stores at most 8,192/ },
        { dismiss: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createParameter'),
    );
    await asUser([{ input: '/aws/reserved', refused: /reserved by AWS/ }, { dismiss: true }], () =>
      vscode.commands.executeCommand('awsSecrets.createParameter'),
    );
  });

  it('shows a created secret under its folder in the tree', async () => {
    const provider = await explorer();
    assert.ok(await secretNode(provider, `qa-${run}/plain`));
  });
});
