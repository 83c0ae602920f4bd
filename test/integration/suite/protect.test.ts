// Hard-coded secrets in the editor: diagnostics, CodeLens, hovers, quick fixes that move the
// value into AWS and rewrite the code (compared with golden files, per language), reuse an
// existing secret, ignore, the workspace scan, and the lookup lens.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parameter, secretText } from './awsCheck';
import { addFault, clearFaults, emulatorStats, waitFor, withSetting } from './helpers';
import { asUser, WHERE } from './scriptedUser';
import { plainText } from './tree';

const REPO = process.env.AWS_SECRETS_LENS_REPO_ROOT ?? '';
const FIXTURES = join(REPO, 'test', 'fixtures', 'protect');
/** Move to AWS always asks where the value goes (the write comes from a workspace file), even with one profile and region. */
const run = Date.now().toString(36);
/** Set to 1 to write the results into test/fixtures/protect/after (then review them by hand). */
const UPDATE = process.env.AWS_SECRETS_LENS_UPDATE_GOLDEN === '1';

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'a workspace folder is open');
  return folder;
}

/** Copies a fixture into the workspace (a fresh folder per call) and opens it. */
async function openFixture(file: string, label: string): Promise<vscode.TextEditor> {
  const dir = join(workspaceFolder(), `lens-${run}-${label}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, readFileSync(join(FIXTURES, 'before', file)));
  return vscode.window.showTextDocument(vscode.Uri.file(path));
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'AWS Secrets Lens' && d.code !== 'missing-lookup');
}

async function findingsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = ours(uri);
    return found.length > 0 ? found : undefined;
  }, `diagnostics for ${uri.path}`);
}

/** The arguments the first “Move to Secrets Manager” CodeLens would run with. */
async function firstFix(uri: vscode.Uri, title = 'Move to Secrets Manager'): Promise<unknown[]> {
  const lenses = await waitFor(async () => {
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    return all.some((l) => l.command?.title === title) ? all : undefined;
  }, `the ${title} lens`);
  return lenses.find((l) => l.command?.title === title)?.command?.arguments ?? [];
}

describe('hard-coded secrets in the editor', () => {
  afterEach(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('marks a hard-coded password in the Problems panel, masked, with the rule as the code', async () => {
    const editor = await openFixture('settings.py', 'diag');
    const [diagnostic] = await findingsOf(editor.document.uri);
    assert.equal(diagnostic.code, 'password-assignment');
    assert.match(diagnostic.message, /^Hard-coded password in DB_PASSWORD \(Xk9m…\(16 chars\)\)\. Move it to AWS Secrets Manager or Parameter Store\.$/);
    assert.ok(!diagnostic.message.includes('Xk9mP2vQr7sLw4Tz'));
    assert.equal(editor.document.getText(diagnostic.range), 'Xk9mP2vQr7sLw4Tz');
  });

  it('shows a CodeLens with the kind and the three actions above it', async () => {
    const editor = await openFixture('settings.py', 'lens');
    await findingsOf(editor.document.uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.deepEqual(
      lenses.filter((l) => l.range.start.line === 3).map((l) => l.command?.title),
      ['$(shield) Hard-coded password', 'Move to Secrets Manager', 'Move to Parameter Store', 'Ignore'],
    );
  });

  it('offers quick fixes on the diagnostic, Move to Secrets Manager preferred', async () => {
    const editor = await openFixture('settings.py', 'actions');
    const [diagnostic] = await findingsOf(editor.document.uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range);
    const fixes = actions.filter((a) => a.kind?.value === 'quickfix');
    assert.deepEqual(
      fixes.map((a) => a.title),
      ['Move to AWS Secrets Manager', 'Move to AWS Parameter Store (SecureString)', 'Use an existing secret or parameter…', 'Ignore this finding…'],
    );
    assert.equal(fixes[0].isPreferred, true);
  });

  it('explains the finding on hover, masked', async () => {
    const editor = await openFixture('settings.py', 'hover');
    const [diagnostic] = await findingsOf(editor.document.uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      diagnostic.range.start.translate(0, 2),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => plainText(c as vscode.MarkdownString))).join('\n');
    assert.match(text, /Hard-coded password/);
    assert.match(text, /Xk9m…\(16 chars\)/);
    assert.match(text, /Anyone who can read this file/);
    assert.ok(!text.includes('Xk9mP2vQr7sLw4Tz'));
  });

  for (const file of readdirSync(join(FIXTURES, 'before'))) {
    it(`moves the secret in ${file} to Secrets Manager and rewrites the code as the golden file`, async () => {
      const editor = await openFixture(file, 'golden');
      await findingsOf(editor.document.uri);
      const name = `lens/${file.replace(/^\./, '').replace(/\W+/g, '-')}`;
      const user = await asUser([...WHERE, { input: name, title: /Move to Secrets Manager/ }, { pick: 'alias/aws/secretsmanager' }], async () =>
        vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(editor.document.uri))),
      );
      assert.match(
        user.messages('info').join('\n'),
        new RegExp(`Moved to Secrets Manager secret ${name} \\(us-east-1, profile demo\\); the code now reads it from there`),
      );
      const golden = join(FIXTURES, 'after', file);
      if (UPDATE) writeFileSync(golden, editor.document.getText());
      assert.ok(existsSync(golden), `no golden file ${golden}: run once with AWS_SECRETS_LENS_UPDATE_GOLDEN=1 and review it`);
      assert.equal(editor.document.getText(), readFileSync(golden, 'utf8'));
      // The value is in AWS, and nowhere in the file any more.
      const stored = (await secretText(name)) ?? '';
      assert.ok(stored.length > 0);
      for (const value of Object.values(file === 'config.ts' ? JSON.parse(stored) : { v: stored }))
        assert.ok(!editor.document.getText().includes(String(value)));
      // The rewritten code is not itself reported (a lookup is not a hard-coded secret).
      await waitFor(() => ours(editor.document.uri).length === 0, `no findings left in the rewritten ${file}`);
    });
  }

  it('undoes the whole rewrite with one undo', async () => {
    const editor = await openFixture('config.ts', 'undo');
    const before = editor.document.getText();
    await findingsOf(editor.document.uri);
    await asUser([...WHERE, { input: `lens/undo-${run}` }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(editor.document.uri))),
    );
    assert.notEqual(editor.document.getText(), before);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('stores an access key id and its secret key together as one JSON secret', async () => {
    const editor = await openFixture('config.ts', 'group');
    await findingsOf(editor.document.uri);
    const name = `lens/pair-${run}`;
    await asUser([...WHERE, { input: name, title: /one JSON key each: access_key_id, secret_access_key/ }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(editor.document.uri))),
    );
    assert.deepEqual(JSON.parse((await secretText(name)) ?? '{}'), {
      access_key_id: 'AKIA2OGYBAH6QXLV7D4R',
      secret_access_key: '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',
    });
  });

  it('moves a value to Parameter Store as a SecureString', async () => {
    const editor = await openFixture('.env', 'ssm');
    await findingsOf(editor.document.uri);
    const name = `/lens/${run}/db-password`;
    await asUser([...WHERE, { input: name, title: /Move to Parameter Store/ }, { pick: 'alias/aws/ssm' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToParameterStore', ...(await firstFix(editor.document.uri, 'Move to Parameter Store'))),
    );
    const stored = await parameter(name);
    assert.equal(stored?.Type, 'SecureString');
    assert.equal(stored?.Value, 'Gh7jK2lZ9xC4vB1nM6qW3eR8');
    assert.ok(!editor.document.getText().includes('Gh7jK2lZ9xC4vB1nM6qW3eR8'));
    assert.match(editor.document.getText(), new RegExp(name.replace(/\//g, '\\/')));
  });

  it('leaves the file untouched when storing fails, and says why', async () => {
    const editor = await openFixture('settings.py', 'denied');
    const before = editor.document.getText();
    await findingsOf(editor.document.uri);
    await addFault({ service: 'secretsmanager', operation: 'CreateSecret', kind: 'accessDenied' });
    const user = await asUser([...WHERE, { input: `lens/denied-${run}` }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(editor.document.uri))),
    );
    assert.equal(editor.document.getText(), before);
    assert.match(user.messages('error')[0], /^Access denied to secretsmanager:CreateSecret on lens\/denied-.* in us-east-1 for profile demo/);
  });

  it('stores the secret but leaves the file alone when it was edited during the prompts, and names the secret', async () => {
    const editor = await openFixture('settings.py', 'edited');
    await findingsOf(editor.document.uri);
    const name = `lens/edited-${run}`;
    const typeSomething = async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(0, 0), '# edited meanwhile\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    const user = await asUser([...WHERE, { input: name }, { pick: 'alias/aws/secretsmanager', meanwhile: typeSomething }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(editor.document.uri))),
    );
    assert.equal(await secretText(name), 'Xk9mP2vQr7sLw4Tz', 'the secret was stored');
    assert.equal(editor.document.getText(), `# edited meanwhile\n${readFileSync(join(FIXTURES, 'before', 'settings.py'), 'utf8')}`, 'the text is intact');
    assert.match(
      user.messages('warn').join('\n'),
      new RegExp(`Stored the value in Secrets Manager secret ${name} .* but settings\\.py changed meanwhile, so it was not edited`),
    );
  });

  it('offers a new version when the name exists', async () => {
    const editor = await openFixture('main.go', 'exists');
    await findingsOf(editor.document.uri);
    const name = `lens/exists-${run}`;
    await asUser([...WHERE, { input: name }, { pick: 'alias/aws/secretsmanager' }], async () => {
      // Create it first, through the same fix on another copy.
      const other = await openFixture('main.go', 'exists-first');
      await findingsOf(other.document.uri);
      await vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(other.document.uri)));
    });
    await vscode.window.showTextDocument(editor.document);
    await asUser([...WHERE, { input: name }, { confirm: 'Add New Version', title: /already exists in us-east-1/ }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await firstFix(editor.document.uri))),
    );
    assert.match(editor.document.getText(), new RegExp(name));
  });

  it('uses an existing secret and key without writing to AWS', async () => {
    const editor = await openFixture('settings.py', 'existing');
    const [diagnostic] = await findingsOf(editor.document.uri);
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    const writesBefore = (await emulatorStats())['secretsmanager.CreateSecret'] ?? 0;
    await asUser(
      [
        { pick: 'Secrets Manager' },
        { pick: 'prod/payments/db', search: 'prod/payments/' },
        { pick: 'password', title: /Which key of prod\/payments\/db holds the password/ },
      ],
      () => vscode.commands.executeCommand('awsSecrets.useExisting'),
    );
    assert.match(editor.document.getText(), /^DB_PASSWORD = secrets_manager_value\(secretsmanager, "prod\/payments\/db", "password"\)$/m);
    assert.equal((await emulatorStats())['secretsmanager.CreateSecret'] ?? 0, writesBefore);
  });

  it('ignores a finding with a marker comment that CI scanners honour too', async () => {
    const editor = await openFixture('settings.py', 'ignore');
    await findingsOf(editor.document.uri);
    await asUser([{ pick: 'Add an ignore comment above the line' }], async () =>
      vscode.commands.executeCommand('awsSecrets.ignoreFinding', ...(await firstFix(editor.document.uri, 'Ignore'))),
    );
    assert.match(editor.document.lineAt(3).text, /^# aws-secrets-lens:ignore-next-line$/);
    await waitFor(() => ours(editor.document.uri).length === 0, 'the diagnostic to go');
  });

  it('accepts a finding in the baseline file (a hash, never the value)', async () => {
    const editor = await openFixture('App.java', 'baseline');
    await findingsOf(editor.document.uri);
    await asUser([{ pick: 'Accept it in the baseline file' }], async () =>
      vscode.commands.executeCommand('awsSecrets.ignoreFinding', ...(await firstFix(editor.document.uri, 'Ignore'))),
    );
    const baseline = readFileSync(join(workspaceFolder(), '.aws-secrets-lens-baseline.json'), 'utf8');
    assert.match(baseline, /"fingerprints": \[\s*"[0-9a-f]{64}"/);
    assert.ok(!baseline.includes('Hq4wE8rT2yU6iO0pZx3c'));
    await waitFor(() => ours(editor.document.uri).length === 0, 'the diagnostic to go');
  });

  it('follows the detection settings: off, excluded files, no CodeLens', async () => {
    const editor = await openFixture('config.rb', 'settings');
    await findingsOf(editor.document.uri);
    let restore = await withSetting('awsSecrets.detection.enabled', false);
    await waitFor(() => ours(editor.document.uri).length === 0, 'diagnostics cleared when detection is off');
    await restore();
    await findingsOf(editor.document.uri);
    restore = await withSetting('awsSecrets.detection.exclude', ['**/lens-*-settings/**']);
    await waitFor(() => ours(editor.document.uri).length === 0, 'diagnostics cleared for an excluded file');
    await restore();
    await findingsOf(editor.document.uri);
    restore = await withSetting('awsSecrets.detection.codeLens', false);
    try {
      await waitFor(async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
        return !lenses.some((l) => l.command?.title === 'Move to Secrets Manager');
      }, 'no fix lenses');
      assert.ok(ours(editor.document.uri).length > 0, 'diagnostics stay');
    } finally {
      await restore();
    }
  });

  it('scans the whole workspace into the Problems panel', async () => {
    const folder = join(workspaceFolder(), `lens-${run}-scan`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'unopened.py'), readFileSync(join(FIXTURES, 'before', 'settings.py')));
    writeFileSync(join(folder, '.gitignore'), 'ignored.py\n');
    writeFileSync(join(folder, 'ignored.py'), readFileSync(join(FIXTURES, 'before', 'settings.py')));
    // A binary file is not scanned, and the summary says so rather than leaving it out in silence.
    writeFileSync(join(folder, 'blob.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    const user = await asUser([], () => vscode.commands.executeCommand('awsSecrets.scanWorkspace'));
    assert.match(user.messages('info')[0], /^Scan finished: \d+ hard-coded secrets? in \d+ of \d+ files; [1-9]\d* files? not scanned \(listed in the log\)\.$/);
    assert.equal(ours(vscode.Uri.file(join(folder, 'unopened.py'))).length, 1);
    assert.equal(ours(vscode.Uri.file(join(folder, 'ignored.py'))).length, 0, '.gitignore is respected');
  });

  it('says whether a secret or parameter named in code exists, and warns when it does not', async () => {
    const folder = join(workspaceFolder(), `lens-${run}-lookups`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'read.py');
    writeFileSync(
      file,
      'import boto3\nsm = boto3.client("secretsmanager")\nok = sm.get_secret_value(SecretId="prod/payments/db")\nmissing = sm.get_secret_value(SecretId="prod/not-there")\n',
    );
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const lenses = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return all.length >= 2 ? all : undefined;
    }, 'lookup lenses');
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /^\$\(pass\) exists in us-east-1 \(demo\) · rotates every 30 days · changed \d{4}-\d{2}-\d{2}$/.test(t)),
      titles.join('\n'),
    );
    assert.ok(titles.includes('$(warning) not found in us-east-1 (demo) — create it'), titles.join('\n'));
    const warning = await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'missing-lookup'),
      'the missing-lookup warning',
    );
    assert.equal(warning.message, 'prod/not-there does not exist in us-east-1 (profile demo).');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
  });
});
