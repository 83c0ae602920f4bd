// Unused secrets in a real VS Code: "Find Unused Secrets…" on a Region lists the secrets not read
// for N days (LastAccessedDate, which AWS reports by day; never read and older than N days counts
// too) with what they cost a month at the published price; Tag as Reviewed marks one as kept on
// purpose; Delete goes through Operate's recovery-window flow. The tree's tooltip says when a
// secret was last read.
import assert from 'node:assert/strict';
import { DescribeSecretCommand, RestoreSecretCommand, UntagResourceCommand } from '@aws-sdk/client-secrets-manager';
import * as vscode from 'vscode';
import { accessRows, withSecretsManager } from './accessView';
import { asUser } from './scriptedUser';
import { explorer, nodeAt, plainText, secretNode } from './tree';

const REVIEWED_TAG = 'secrets-lens:reviewed-unused';

describe('Access: unused secrets', () => {
  const changed: string[] = [];
  after(async () => {
    // Leave the demo data as it was for the suites that follow.
    await withSecretsManager(async (sm) => {
      for (const arn of changed) {
        const described = await sm.send(new DescribeSecretCommand({ SecretId: arn }));
        if (described.DeletedDate) await sm.send(new RestoreSecretCommand({ SecretId: arn }));
        await sm.send(new UntagResourceCommand({ SecretId: arn, TagKeys: [REVIEWED_TAG] }));
      }
    });
  });

  it('says in the tooltip when a secret was last read, by day', async () => {
    const provider = await explorer();
    await vscode.commands.executeCommand('awsSecrets.refresh');
    const node = await secretNode(provider, 'prod/payments/db');
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.copyValue', node));
    await vscode.commands.executeCommand('awsSecrets.refresh');
    const item = provider.getTreeItem(await secretNode(provider, 'prod/payments/db'));
    assert.match(plainText(item.tooltip as vscode.MarkdownString), /Last accessed: \d{4}-\d{2}-\d{2} \(last read today\)/);
  });

  it('lists secrets not read for 90 days with their monthly cost; Tag as Reviewed and Delete act on one', async () => {
    const provider = await explorer();
    const region = await nodeAt(provider, ['demo', 'us-east-1']);
    await asUser(
      [
        { input: '0', title: /Unused secrets in demo/, refused: /whole number of days/ },
        { accept: true, title: /Unused secrets in demo/ },
      ],
      async () => vscode.commands.executeCommand('awsSecrets.findUnusedSecrets', region),
    );
    const rows = await accessRows();
    const regionRow = rows.find((r) => r.node.type === 'region');
    assert.ok(regionRow, rows.map((r) => r.label).join(' | '));
    assert.equal(regionRow.label, 'us-east-1');
    // The price and the day it was read from AWS's pricing page, in the view.
    assert.match(regionRow.tooltip, /US\$0\.40 per secret per month .*read on \d{4}-\d{2}-\d{2} from https:\/\/aws\.amazon\.com\/secrets-manager\/pricing\//);
    const unused = rows.filter((r) => r.node.type === 'unused');
    assert.ok(unused.length >= 1, 'the demo has secrets nobody has read for 90 days');
    assert.ok(!unused.some((r) => r.label === 'prod/payments/db'), 'a secret read today is not unused');
    for (const row of unused) {
      const days = /not read for (\d+) days|never read \(created (\d+) days ago\)/.exec(row.description);
      assert.ok(days && Number(days[1] ?? days[2]) >= 90, row.description);
      assert.match(row.description, /US\$0\.\d\d\/month|US\$\d+\.\d\d\/month/);
    }
    const toReview = unused.filter((r) => !/reviewed/.test(r.description));
    const total = (text: string) => Number(/US\$(\d+\.\d\d) a month/.exec(text)?.[1]);
    const monthly = unused
      .filter((r) => r.node.type === 'unused' && !r.node.secret.reviewedOn)
      .reduce((sum, r) => sum + (r.node.type === 'unused' ? r.node.secret.monthlyUsd : 0), 0);
    assert.equal(total(regionRow.description), Number(monthly.toFixed(2)));

    // Tag as Reviewed: kept on purpose, no longer counted.
    const first = toReview.find((r) => r.node.type === 'unused' && !r.node.secret.summary.owningService)!;
    assert.ok(first.node.type === 'unused');
    changed.push(first.node.secret.summary.arn);
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.tagAsReviewed', first.node));
    const tagged = await accessRows();
    const again = tagged.find((r) => r.label === first.label)!;
    assert.match(again.description, /reviewed \d{4}-\d{2}-\d{2}/);
    const afterRegion = tagged.find((r) => r.node.type === 'region')!;
    assert.ok(total(afterRegion.description) < total(regionRow.description), `${afterRegion.description} < ${regionRow.description}`);

    // Delete: Operate's flow with its recovery window; the secret leaves the list.
    const second = toReview.find((r) => r !== first && r.node.type === 'unused' && !r.node.secret.summary.owningService);
    assert.ok(second && second.node.type === 'unused', 'a second unused secret to delete');
    changed.push(second.node.secret.summary.arn);
    await asUser([{ pick: 'Delete with a 7-day recovery window' }, { confirm: 'Schedule Deletion' }], async () =>
      vscode.commands.executeCommand('awsSecrets.deleteUnusedSecret', second.node),
    );
    const deleted = await withSecretsManager((sm) =>
      sm.send(new DescribeSecretCommand({ SecretId: (second.node as { secret: { summary: { arn: string } } }).secret.summary.arn })),
    );
    assert.ok(deleted.DeletedDate, 'scheduled for deletion');
    assert.ok(!(await accessRows()).some((r) => r.label === second.label), 'no longer listed');
  });
});
