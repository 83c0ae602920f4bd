// Proof that no value leaks. Every command is driven with recognisable values, with VS Code
// logging at trace level (the launcher starts it so); then every place a value must never be
// is searched: notifications and questions, tree labels and tooltips, diagnostics, CodeLens
// titles, hovers, CLI output, the extension's log, and the whole user-data folder once the
// value documents are closed. Runs late (files run in name order), after every other suite.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/ui/testHooks';
import { DEMO_SEED } from '../../emulator/seedData';
import { secretText } from './awsCheck';
import { activateProduct, PRODUCT_ID, waitFor, withSetting } from './helpers';
import { asUser, type Answer, type ScriptedUser } from './scriptedUser';
import { explorer, parameterNode, plainText, secretNode, treeTexts } from './tree';

/** Move to AWS always asks where the value goes (the write comes from a workspace file), even with one profile and region. */
const WHERE = [
  { pick: 'demo', title: /AWS profile/ },
  { pick: 'us-east-1', title: /Region for demo/ },
] as const;
const run = randomBytes(3).toString('hex');
/** Values that look like real secrets (high entropy, so the detector flags them in files) and are easy to search for. */
const canary = (n: number) => `Zq${n}${randomBytes(12).toString('hex')}Xw`;
const values = Array.from({ length: 9 }, (_, i) => canary(i));

describe('no value ever leaks', () => {
  const users: ScriptedUser[] = [];
  const as = async (answers: Answer[], action: () => Thenable<unknown> | Promise<unknown>) => {
    users.push(await asUser(answers, action));
  };
  let api: TestHooks;
  const folder = () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';

  before(async () => {
    api = await activateProduct<TestHooks>();
    assert.equal(vscode.env.logLevel, vscode.LogLevel.Trace, 'the suite runs with VS Code logging at trace level');
  });

  it('drives every command with recognisable values', async () => {
    const provider = await explorer();
    const plain = `leak-${run}/plain`;
    const json = `leak-${run}/json`;
    const param = `/leak/${run}/param`;
    await as([{ pick: 'Plain text' }, { input: plain }, { input: values[0] }, { pick: 'alias/aws/secretsmanager' }, { input: '' }, { input: '' }], () =>
      vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    await as(
      [
        { pick: 'Key/value pairs' },
        { input: json },
        { input: 'username' },
        { input: 'svc' },
        { input: 'password' },
        { input: values[1] },
        { input: '' },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { input: '' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    await as([{ input: param }, { pick: 'SecureString' }, { input: values[2] }, { pick: 'alias/aws/ssm' }, { input: '' }], () =>
      vscode.commands.executeCommand('awsSecrets.createParameter'),
    );

    const plainNode = async () => secretNode(provider, plain);
    await as([], async () => vscode.commands.executeCommand('awsSecrets.copyValue', await plainNode()));
    await as([{ pick: 'password' }], async () => vscode.commands.executeCommand('awsSecrets.copyJsonKey', await secretNode(provider, json)));
    await as([], async () => vscode.commands.executeCommand('awsSecrets.revealValue', await plainNode()));
    await as([], async () => vscode.commands.executeCommand('awsSecrets.revealValue', await parameterNode(provider, param)));
    await as([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await plainNode()));
    const editor = await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-edit' ? vscode.window.activeTextEditor : undefined),
      'the edit document',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), values[3]);
    await vscode.workspace.applyEdit(edit);
    assert.ok(await editor.document.save());
    await as([], async () => vscode.commands.executeCommand('awsSecrets.compareWithPrevious', await plainNode()));
    await as([{ pick: 'password' }, { input: '30' }, { pick: 'Letters and digits only' }, { confirm: 'Generate and Store' }], async () =>
      vscode.commands.executeCommand('awsSecrets.generateNewValue', await secretNode(provider, json)),
    );
    values.push(JSON.parse((await secretText(json)) ?? '{}').password as string);
    await as([{ pick: 'Add tags…' }, { input: 'team=leak' }, { pick: 'Done' }], async () =>
      vscode.commands.executeCommand('awsSecrets.editTags', await plainNode()),
    );
    await as([{ pick: 'Delete with a 7-day recovery window' }, { confirm: 'Schedule Deletion' }], async () =>
      vscode.commands.executeCommand('awsSecrets.delete', await plainNode()),
    );
    await as([], async () => vscode.commands.executeCommand('awsSecrets.restore', await plainNode()));
    await as([{ pick: 'Secrets Manager' }, { pick: json, search: json }, { pick: 'password' }], () => vscode.commands.executeCommand('awsSecrets.copyJsonKey'));

    // Database credentials with a typed password, copied back by key.
    const dbPassword = canary(20);
    values.push(dbPassword);
    const db = `leak-${run}/db`;
    await as(
      [
        { pick: 'Credentials for another database' },
        { input: db },
        { pick: 'PostgreSQL (also Aurora PostgreSQL)' },
        { input: 'db.leak.example' },
        { accept: true },
        { input: '' },
        { input: 'leaker' },
        { pick: 'Type the current password' },
        { input: dbPassword },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { accept: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    await as([{ pick: 'password' }], () =>
      vscode.commands.executeCommand('awsSecrets.copyJsonKey', { service: 'secretsmanager', profile: 'demo', region: 'us-east-1', name: db }),
    );
    // A value typed while auto-save is on: the refused save says so without the value.
    const typed = canary(21);
    values.push(typed);
    await as([], async () => vscode.commands.executeCommand('awsSecrets.editValue', await plainNode()));
    const autoSaved = await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-edit' ? vscode.window.activeTextEditor : undefined),
      'the edit document',
    );
    const refusals = api.unstoredValues().autoSaveRefused.length;
    const restoreDelay = await withSetting('files.autoSaveDelay', 100);
    const restoreMode = await withSetting('files.autoSave', 'afterDelay');
    try {
      const typing = new vscode.WorkspaceEdit();
      typing.replace(autoSaved.document.uri, new vscode.Range(0, 0, autoSaved.document.lineCount, 0), typed);
      await vscode.workspace.applyEdit(typing);
      await waitFor(() => api.unstoredValues().autoSaveRefused.length > refusals, 'the refused auto-save');
    } finally {
      await restoreMode();
      await restoreDelay();
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // Hard-coded values in files: fixed three ways, and one left for the scans.
    const dir = join(folder(), `leak-${run}`);
    mkdirSync(dir, { recursive: true });
    const files = ['moved.py', 'parameter.py', 'accepted.py', 'left.py'].map((name, i) => {
      const path = join(dir, name);
      writeFileSync(path, `import os\n\nDB_PASSWORD = "${values[4 + i]}"\n`);
      return vscode.Uri.file(path);
    });
    const fixArgs = async (uri: vscode.Uri, title: string) => {
      await vscode.window.showTextDocument(uri);
      const lenses = await waitFor(async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return all.some((l) => l.command?.title === title) ? all : undefined;
      }, `the ${title} lens`);
      return lenses.find((l) => l.command?.title === title)?.command?.arguments ?? [];
    };
    await as([...WHERE, { input: `leak-${run}/moved` }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(files[0], 'Move to Secrets Manager'))),
    );
    await as([...WHERE, { input: `/leak/${run}/moved` }, { pick: 'alias/aws/ssm' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToParameterStore', ...(await fixArgs(files[1], 'Move to Parameter Store'))),
    );
    await as([{ pick: 'Accept it in the baseline file' }], async () =>
      vscode.commands.executeCommand('awsSecrets.ignoreFinding', ...(await fixArgs(files[2], 'Ignore'))),
    );
    // The snippet goes into a file of its own: left.py keeps the user's hard-coded value unsaved
    // (a save would put it into VS Code's local file history, which is the user's own copy).
    const snippetFile = join(dir, 'snippet.py');
    writeFileSync(snippetFile, 'import os\n');
    await vscode.window.showTextDocument(vscode.Uri.file(snippetFile));
    await as([{ pick: 'password' }], async () => vscode.commands.executeCommand('awsSecrets.insertSnippet', await secretNode(provider, json)));
    await vscode.window.showTextDocument(files[3]);
    await as([], () => vscode.commands.executeCommand('awsSecrets.scanWorkspace'));
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('shows no value in any notification or question', () => {
    const shown = users.flatMap((u) => u.shown.map((s) => s.text));
    assert.ok(shown.length > 40, `${shown.length} messages and questions`);
    assert.deepEqual(leaksIn(shown), []);
  });

  it('shows no value in the tree, the diagnostics, CodeLens titles or hovers', async () => {
    const provider = await explorer();
    const texts: string[] = [];
    texts.push(...(await treeTexts(provider)));
    const diagnostics = vscode.languages.getDiagnostics().flatMap(([, list]) => list.map((d) => d.message));
    assert.ok(
      diagnostics.some((m) => m.startsWith('Hard-coded password')),
      'the left-over value is reported (masked)',
    );
    texts.push(...diagnostics);
    const left = vscode.Uri.file(join(folder(), `leak-${run}`, 'left.py'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', left);
    texts.push(...lenses.map((l) => l.command?.title ?? ''));
    const document = await vscode.workspace.openTextDocument(left);
    const at = document.positionAt(document.getText().indexOf(values[7]) + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', left, at);
    texts.push(...hovers.flatMap((h) => h.contents.map((c) => plainText(c as vscode.MarkdownString))));
    assert.ok(texts.length > 80);
    assert.deepEqual(leaksIn(texts), []);
  });

  it('prints no value from the CLI, in any format', () => {
    const cli = join(vscode.extensions.getExtension(PRODUCT_ID)?.extensionPath ?? '', 'dist', 'cli.js');
    const outputs = ['text', 'json', 'sarif'].map((format) => {
      try {
        return execFileSync(process.execPath, [cli, 'scan', '--format', format, join(folder(), `leak-${run}`)], {
          encoding: 'utf8',
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        });
      } catch (error) {
        // Exit status 1 means "found something": the output is what matters.
        return String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
      }
    });
    assert.ok(outputs[1].includes('"ruleId"'), 'the CLI found the left-over value');
    assert.deepEqual(leaksIn(outputs), []);
  });

  it('leaves no value in the log or anywhere in the user-data folder once value documents are closed', async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.env.clipboard.writeText('');
    const userData = dirname(dirname(dirname(api.storage.globalStorageUri.fsPath)));
    const logDir = api.storage.logUri.fsPath;
    assert.ok(logDir.startsWith(userData), `the log (${logDir}) is inside the user-data folder (${userData})`);
    // The log is written asynchronously: wait until it has the last save this suite made.
    await waitFor(
      () => filesUnder(logDir).some((f) => readFileSync(f, 'utf8').includes(`saved a new version of leak-${run}/plain`)),
      'the log to be flushed',
      15_000,
    );
    assert.ok(
      filesUnder(logDir).some((f) => /\[aws\] → secretsmanager:GetSecretValue/.test(readFileSync(f, 'utf8'))),
      'trace lines were written',
    );

    const seeded = [...DEMO_SEED['us-east-1'].secrets, ...DEMO_SEED['eu-west-1'].secrets]
      .flatMap((s) => s.versions.map((v) => (typeof v.value === 'string' ? v.value : '')))
      .filter((v) => v.length >= 12);
    const hits: string[] = [];
    for (const file of filesUnder(userData)) {
      const content = readFileSync(file).toString('latin1');
      for (const value of [...values, ...seeded]) if (content.includes(value)) hits.push(`${relative(userData, file)} holds ${value.slice(0, 4)}…`);
    }
    assert.deepEqual(hits, []);
  });
  it('logs every line with exactly one component prefix, and expected not-found answers below warning level', async () => {
    // Entries start with the time and the level: `2026-12-01 10:00:00.123 [trace] [aws] → …`.
    const entries = filesUnder(api.storage.logUri.fsPath)
      .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
      .map((line) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[(\w+)\] (.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null);
    assert.ok(entries.length > 100, `the log has the suite's lines (${entries.length})`);
    assert.deepEqual(
      entries
        .filter((m) => !/^\[(aws|browse|operate|protect)\] (?!\[)/.test(m[2]))
        .map((m) => m[0])
        .slice(0, 5),
      [],
    );
    assert.ok(
      entries.some((m) => /^\[aws\] → secretsmanager:GetSecretValue /.test(m[2])),
      'one AWS call, one prefix',
    );
    // "Is this name free?" before every create: an answer, not a failure.
    assert.ok(
      entries.some(
        (m) => m[1] === 'debug' && /^\[aws\] secretsmanager:DescribeSecret .* answered ResourceNotFoundException in \d+ ms \(expected\)$/.test(m[2]),
      ),
      'the name check is logged as expected',
    );
    assert.deepEqual(
      entries.filter((m) => m[1] === 'warning' && /ResourceNotFoundException|ParameterNotFound/.test(m[2])).map((m) => m[0]),
      [],
    );
  });
});

function leaksIn(texts: readonly string[]): string[] {
  return values.filter((v) => texts.some((t) => t.includes(v))).map((v) => `${v.slice(0, 4)}…`);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile() && statSync(path).size < 50 * 1024 * 1024) out.push(path);
  }
  return out;
}
