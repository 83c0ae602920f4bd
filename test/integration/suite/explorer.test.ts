// The AWS Secrets explorer in the real extension host: the tree provider's items for the
// seeded emulator data, settings that change it, filters, paging and error items.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_SEED } from '../../emulator/seedData';
import { addFault, clearFaults, resetEmulator, waitFor, withSetting } from './helpers';
import { explorer, label, labelsAt, nodeAt, plainText, treeTexts, type Provider } from './tree';
import { asUser } from './scriptedUser';

function safeJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

describe('explorer', () => {
  let provider: Provider;

  before(async () => {
    provider = await explorer();
    await resetEmulator();
  });
  afterEach(async () => {
    await clearFaults();
  });

  it('shows the demo profile from AWS_CONFIG_FILE with its region and both services', async () => {
    const roots = await provider.getChildren();
    assert.deepEqual(
      roots.map((n) => label(provider, n)),
      ['demo'],
    );
    assert.deepEqual(await labelsAt(provider, ['demo']), ['us-east-1']);
    assert.deepEqual(await labelsAt(provider, ['demo', 'us-east-1']), ['Secrets Manager', 'Parameter Store']);
    const item = provider.getTreeItem(roots[0]);
    assert.match(String(item.description), /access keys · → http:\/\/127\.0\.0\.1:\d+/);
  });

  it('lists the seeded secrets in folders, with rotation and deletion state but never a value', async () => {
    const top = await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager']);
    const seeded = DEMO_SEED['us-east-1'].secrets;
    const folders = [...new Set(seeded.filter((s) => s.name.includes('/')).map((s) => s.name.split('/')[0]))].sort();
    assert.deepEqual(top.slice(0, folders.length), folders);

    const rotating = seeded.find((s) => s.rotation);
    assert.ok(rotating?.rotation);
    const rotatingNode = await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', ...rotating.name.split('/')]);
    const item = provider.getTreeItem(rotatingNode);
    assert.equal(item.description, `rotates every ${rotating.rotation.automaticallyAfterDays} days`);
    assert.match(item.contextValue ?? '', /^secret active rotation lambda/);
    const tooltip = plainText(item.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /ARN: arn:aws:secretsmanager:us-east-1:123456789012:secret:/);
    assert.match(tooltip, /Rotation Lambda: arn:aws:lambda:us-east-1:123456789012:function:/);

    const deleted = seeded.find((s) => s.deletion);
    assert.ok(deleted);
    const deletedItem = provider.getTreeItem(await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', ...deleted.name.split('/')]));
    assert.equal(String(deletedItem.description), 'deletion scheduled');
    assert.equal(deletedItem.collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  it('never shows a value in any label, description or tooltip of the tree', async () => {
    const values = [...DEMO_SEED['us-east-1'].secrets.flatMap((s) => s.versions.map((v) => (typeof v.value === 'string' ? v.value : v.value.binaryBase64)))]
      // Whole values, and the secret fields of JSON values (not e.g. "engine": "postgres").
      .flatMap((v) => [
        v,
        ...Object.entries(safeJson(v))
          .filter(([key]) => /pass|secret|token|key/i.test(key))
          .map(([, field]) => field),
      ])
      .concat(DEMO_SEED['us-east-1'].parameters.filter((p) => p.type === 'SecureString').flatMap((p) => p.versions.map((v) => v.value)))
      .filter((v): v is string => typeof v === 'string' && v.length >= 8);
    assert.ok(values.length > 20);
    const texts: string[] = [];
    texts.push(...(await treeTexts(provider)));
    assert.ok(texts.length > 80, `walked ${texts.length} items`);
    const leaks = values.filter((v) => texts.some((t) => t.includes(v)));
    assert.deepEqual(
      leaks.map((v) => `${v.slice(0, 4)}…`),
      [],
    );
  });

  it('expands a secret to its versions with staging labels', async () => {
    const multi = DEMO_SEED['us-east-1'].secrets.find((s) => s.versions.length >= 3 && !s.deletion);
    assert.ok(multi);
    const versions = await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager', ...multi.name.split('/')]);
    assert.equal(versions.length, multi.versions.length);
    assert.ok(versions.some((v) => v.includes('AWSCURRENT')));
    assert.ok(versions.some((v) => v.includes('AWSPREVIOUS')));
  });

  it('shows Parameter Store folders and a lock for SecureString parameters', async () => {
    assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Parameter Store'])).includes('app'));
    const secure = DEMO_SEED['us-east-1'].parameters.find((p) => p.type === 'SecureString' && p.name.startsWith('/app/prod/'));
    assert.ok(secure);
    const node = await nodeAt(provider, ['demo', 'us-east-1', 'Parameter Store', ...secure.name.slice(1).split('/')]);
    const item = provider.getTreeItem(node);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'lock');
    assert.match(String(item.description), /^SecureString/);
  });

  it('adds the regions of awsSecrets.regions, and removes them again', async () => {
    const restore = await withSetting('awsSecrets.regions', ['eu-west-1']);
    try {
      await waitFor(async () => (await labelsAt(provider, ['demo'])).join() === 'us-east-1,eu-west-1', 'eu-west-1 under demo');
      const eu = await labelsAt(provider, ['demo', 'eu-west-1', 'Secrets Manager']);
      assert.ok(eu.length > 0);
    } finally {
      await restore();
    }
    await waitFor(async () => (await labelsAt(provider, ['demo'])).join() === 'us-east-1', 'only us-east-1 again');
  });

  it('hides profiles not listed in awsSecrets.profiles', async () => {
    const restore = await withSetting('awsSecrets.profiles', ['someone-else']);
    try {
      await waitFor(
        async () => (await provider.getChildren()).map((n) => label(provider, n)).join() === 'Your profile is not listed in the awsSecrets.profiles setting.',
        'no profile shown, and why',
      );
    } finally {
      await restore();
    }
    await waitFor(async () => (await provider.getChildren()).length === 1, 'demo back');
  });

  it('pages by awsSecrets.pageSize with a Load more item', async () => {
    const restore = await withSetting('awsSecrets.pageSize', 5);
    try {
      const more = await waitFor(async () => {
        const children = await provider.getChildren(await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager']));
        return children.find((c) => c.type === 'loadMore' && c.loaded === 5);
      }, 'a Load more item after 5 secrets');
      assert.equal(label(provider, more), 'Load more…');
      assert.equal(provider.getTreeItem(more).command?.command, 'awsSecrets.loadMore');
      await vscode.commands.executeCommand('awsSecrets.loadMore', more);
      const after = await provider.getChildren(await nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager']));
      assert.ok(after.some((c) => c.type === 'loadMore' && c.loaded === 10));
    } finally {
      await restore();
    }
  });

  it('filters by name on the server and shows the filter until it is cleared', async () => {
    await asUser([{ input: 'prod/payments', title: /Filter AWS Secrets/ }], () => vscode.commands.executeCommand('awsSecrets.filter'));
    try {
      assert.deepEqual(await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager']), ['prod']);
      assert.deepEqual(await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager', 'prod']), ['payments']);
    } finally {
      await vscode.commands.executeCommand('awsSecrets.clearFilter');
    }
    const all = await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager']);
    assert.ok(all.length > 3);
  });

  it('refuses a filter AWS would reject, before sending it', async () => {
    const user = await asUser([{ input: 'prod db', title: /Filter/ }], () => vscode.commands.executeCommand('awsSecrets.filter')).catch((e: Error) => e);
    assert.ok(user instanceof Error && /refused the scripted answer: Use the characters of AWS names only/.test(user.message));
  });

  it('shows an error item where access is denied, keeps other nodes working, and retries', async () => {
    const restore = await withSetting('awsSecrets.regions', ['eu-west-1']);
    try {
      await addFault({ region: 'eu-west-1', service: 'secretsmanager', kind: 'accessDenied' });
      await vscode.commands.executeCommand('awsSecrets.refresh');
      const denied = await waitFor(async () => {
        const children = await provider.getChildren(await nodeAt(provider, ['demo', 'eu-west-1', 'Secrets Manager']));
        return children.length === 1 && children[0].type === 'error' ? children[0] : undefined;
      }, 'an error item in eu-west-1');
      const item = provider.getTreeItem(denied);
      assert.equal(item.label, 'Access denied');
      assert.match(String(item.description), /^Access denied to secretsmanager:ListSecrets in eu-west-1 for profile demo\. Ask for this permission/);
      assert.equal(item.command?.command, 'awsSecrets.refresh');
      assert.ok((await labelsAt(provider, ['demo', 'us-east-1', 'Secrets Manager'])).includes('prod'));
      assert.ok((await labelsAt(provider, ['demo', 'eu-west-1', 'Parameter Store'])).length > 0);

      await clearFaults();
      await vscode.commands.executeCommand('awsSecrets.refresh', denied);
      const recovered = await labelsAt(provider, ['demo', 'eu-west-1', 'Secrets Manager']);
      assert.ok(recovered.length > 0 && !recovered.includes('Access denied'), `recovered: ${recovered.join(', ')}`);
    } finally {
      await restore();
    }
  });
});
