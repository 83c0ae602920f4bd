// Proof that no value leaks. Every command is driven with recognisable values, with VS Code
// logging at trace level (the launcher starts it so); then every place a value must never be
// is searched: notifications and questions, tree labels and tooltips, diagnostics, CodeLens
// titles, hovers, CLI output, the extension's log, and the whole user-data folder once the
// value documents are closed. Runs late (files run in name order), after every other suite.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/ui/testHooks';
import { DEMO_SEED } from '../../emulator/seedData';
import { secretText } from './awsCheck';
import { activateProduct, PRODUCT_ID, waitFor, withSetting } from './helpers';
import { createJsonSecret, debugToEnd, RunProject, runTask } from './runFixture';
import { asUser, WHERE, type Answer, type ScriptedUser } from './scriptedUser';
import { explorer, nodeAt, parameterNode, plainText, secretNode, treeTexts } from './tree';

/** Move to AWS always asks where the value goes (the write comes from a workspace file), even with one profile and region. */
const run = randomBytes(3).toString('hex');
/** Values that look like real secrets (high entropy, so the detector flags them in files) and are easy to search for. */
const canary = (n: number) => `Zq${n}${randomBytes(12).toString('hex')}Xw`;
const values = Array.from({ length: 10 }, (_, i) => canary(i));
/** Values only the Run feature handles: read from AWS for F5, a task, a terminal, exec and an export; imported from a .env. */
const runValues = [canary(30), canary(31), canary(32)];
values.push(...runValues);

describe('no value ever leaks', () => {
  const users: ScriptedUser[] = [];
  /** What the Run feature showed or printed besides notifications: hovers, diagnostics, exec's output. */
  const runTexts: string[] = [];
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
    await as([{ input: param }, { pick: 'SecureString' }, { input: values[2] }, { pick: 'alias/aws/ssm' }, { input: '' }, { pick: 'No expiration' }], () =>
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
    // Environments: copy the folder, compare it with its copy, show one pair side by side.
    const folderNode = () => nodeAt(provider, ['demo', 'us-east-1', 'Secrets Manager', `leak-${run}`]);
    await as(
      [{ pick: 'Secrets Manager' }, { input: `leak-${run}-copy/` }, { pick: 'alias/aws/secretsmanager' }, { pick: 'Carry tags over' }, { confirm: 'Copy' }],
      async () => vscode.commands.executeCommand('awsSecrets.copyTo', await folderNode()),
    );
    await as([{ pick: 'Another prefix…' }, { input: `leak-${run}-copy/` }], async () =>
      vscode.commands.executeCommand('awsSecrets.compareWith', await folderNode()),
    );
    const pair = api.comparison
      .getChildren()
      .flatMap((group) => api.comparison.getChildren(group))
      .find((n) => n.type === 'entry' && n.entry.relative === 'json');
    assert.ok(pair, 'the copy is compared with its source');
    await as([], () => vscode.commands.executeCommand('awsSecrets.showDifference', pair));
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
    // A literal with escapes is stored decoded (the decoded value is searched for too), and one whose
    // escape does not compile is refused: neither the question's size nor the refusal names the value.
    const escaped = `${values[8].slice(0, 10)}\\x41${values[8].slice(10)}`;
    values.push(`${values[8].slice(0, 10)}A${values[8].slice(10)}`);
    const decodedFile = join(dir, 'escaped.py');
    writeFileSync(decodedFile, `DB_PASSWORD = "${escaped}"\n`);
    await as([...WHERE, { input: `leak-${run}/escaped`, title: /characters, as the program reads them/ }, { pick: 'alias/aws/secretsmanager' }], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(vscode.Uri.file(decodedFile), 'Move to Secrets Manager'))),
    );
    const refusedFile = join(dir, 'refused.py');
    writeFileSync(refusedFile, `API_PASSWORD = "${values[9].slice(0, 10)}\\xZ${values[9].slice(10)}"\n`);
    await as([], async () =>
      vscode.commands.executeCommand('awsSecrets.moveToSecretsManager', ...(await fixArgs(vscode.Uri.file(refusedFile), 'Move to Secrets Manager'))),
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

    // Access: an access history, the policies (a workspace full of values), a resource policy, unused secrets.
    await as([], async () => vscode.commands.executeCommand('awsSecrets.showAccessHistory', await plainNode()));
    await as([], async () => vscode.commands.executeCommand('awsSecrets.copyReadPolicy', await plainNode()));
    runTexts.push(await vscode.env.clipboard.readText());
    await as([{ pick: 'IAM JSON' }], async () => vscode.commands.executeCommand('awsSecrets.generateWorkspacePolicy'));
    const policy = await waitFor(() => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor, 'the policy document');
    runTexts.push(policy.document.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await as([], async () => vscode.commands.executeCommand('awsSecrets.editResourcePolicy', await plainNode()));
    const resourcePolicy = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'awssecrets-policy' && vscode.window.activeTextEditor,
      'the resource policy',
    );
    runTexts.push(resourcePolicy.document.getText());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('runs programs with secrets every way there is, imports a .env and exports one', async () => {
    const project = new RunProject(`leak-${run}/run`);
    const secret = `leak-${run}/run`;
    await createJsonSecret(secret, { password: runValues[0], token: runValues[1] });
    const references = project.referencesFile('.env.aws', [
      '# aws-secrets-lens: profile=demo region=us-east-1',
      `PASSWORD={{resolve:secretsmanager:${secret}::password}}`,
      `TOKEN={{resolve:secretsmanager:${secret}:SecretString:token}}`,
    ]);
    const expected = { PASSWORD: runValues[0], TOKEN: runValues[1] };
    // F5 from launch.json, a task from tasks.json, a terminal.
    const f5 = project.output(['PASSWORD', 'TOKEN']);
    const vscodeDir = join(folder(), '.vscode');
    mkdirSync(vscodeDir, { recursive: true });
    const launch = { type: 'node', request: 'launch', name: `leak ${run}`, program: project.program, env: f5.env, awsSecrets: { envFile: references.fsPath } };
    writeFileSync(join(vscodeDir, 'launch.json'), JSON.stringify({ version: '0.2.0', configurations: [launch] }));
    await waitFor(
      () => (vscode.workspace.getConfiguration('launch').get<{ name: string }[]>('configurations') ?? []).some((c) => c.name === launch.name),
      'launch.json',
    );
    await as([], async () => assert.ok(await debugToEnd(launch.name)));
    assert.deepEqual(await project.read(f5.out), expected);
    const task = project.output(['PASSWORD']);
    writeFileSync(
      join(vscodeDir, 'tasks.json'),
      JSON.stringify({
        version: '2.0.0',
        tasks: [{ type: 'awsSecrets', label: `leak ${run}`, command: process.execPath, args: [project.program], envFile: references.fsPath, env: task.env }],
      }),
    );
    const found = await waitFor(
      async () => (await vscode.tasks.fetchTasks({ type: 'awsSecrets' })).find((t) => t.name === `leak ${run}`),
      'tasks.json',
      15_000,
    );
    await as([], async () => assert.equal(await runTask(found), 0));
    assert.deepEqual(await project.read(task.out), { PASSWORD: runValues[0] });
    const shell = project.output(['TOKEN']);
    await as([], () => vscode.commands.executeCommand('awsSecrets.openTerminalWithSecrets', references));
    const terminal = await waitFor(() => vscode.window.terminals.find((t) => t.name === 'Secrets: .env.aws'), 'the terminal');
    terminal.sendText(`OUT='${shell.env.OUT}' ASKED=TOKEN '${process.execPath}' '${project.program}'`);
    assert.deepEqual(await project.read(shell.out, 60_000), { TOKEN: runValues[1] });
    terminal.dispose();
    // A missing key, so the failure message is searched too; then an export, read and deleted.
    const broken = project.referencesFile('broken.env.aws', [
      '# aws-secrets-lens: profile=demo region=us-east-1',
      `X={{resolve:secretsmanager:${secret}::nope}}`,
    ]);
    await as([], async () =>
      assert.equal(
        await debugToEnd({ type: 'node', request: 'launch', name: 'broken', program: project.program, awsSecrets: { envFile: broken.fsPath } }),
        false,
      ),
    );
    await as([{ input: 'exported.env' }, { confirm: 'Write Plain Values' }], () => vscode.commands.executeCommand('awsSecrets.exportEnv', references));
    const exported = join(project.dir, 'exported.env');
    assert.ok(readFileSync(exported, 'utf8').includes(runValues[0]));
    rmSync(exported);
    // A .env with a value, imported and rewritten into references (left unsaved, like the user's own edit).
    const plain = join(project.dir, '.env');
    writeFileSync(plain, `API_KEY=${runValues[2]}\n`);
    await vscode.window.showTextDocument(vscode.Uri.file(plain));
    await as([{ pick: 'One JSON secret in Secrets Manager' }, { input: `leak-${run}/imported` }, { pick: /Rewrite/ }, { confirm: 'Create' }], () =>
      vscode.commands.executeCommand('awsSecrets.importEnv', vscode.Uri.file(plain)),
    );
    rmSync(plain);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', references, new vscode.Position(1, 12));
    runTexts.push(...hovers.flatMap((h) => h.contents.map((c) => plainText(c as vscode.MarkdownString))));
    runTexts.push(...vscode.languages.getDiagnostics(references).map((d) => d.message));
    const cli = join(vscode.extensions.getExtension(PRODUCT_ID)?.extensionPath ?? '', 'dist', 'cli.js');
    for (const file of [references.fsPath, broken.fsPath]) {
      try {
        runTexts.push(
          execFileSync(process.execPath, [cli, 'exec', '--env-file', file, '--', process.execPath, '-e', ''], {
            encoding: 'utf8',
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
          }),
        );
      } catch (error) {
        runTexts.push(String((error as { stderr?: string }).stderr ?? ''));
      }
    }
    assert.ok(
      runTexts.some((t) => /has no key “nope”/.test(t)),
      'exec reported the missing key',
    );
    project.dispose();
  });

  it('shows no value from Run: hovers, diagnostics, exec output, the workspace’s launch.json, tasks.json and settings', () => {
    const vscodeDir = join(folder(), '.vscode');
    const settings = filesUnder(vscodeDir).map((f) => readFileSync(f, 'utf8'));
    assert.ok(settings.length >= 2, 'launch.json and tasks.json were written');
    assert.deepEqual(leaksIn([...runTexts, ...settings]), []);
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
    const walk = (node?: Parameters<TestHooks['comparison']['getChildren']>[0]) => {
      for (const child of api.comparison.getChildren(node)) {
        const item = api.comparison.getTreeItem(child);
        texts.push(`${String(item.label)} ${String(item.description ?? '')} ${item.tooltip instanceof vscode.MarkdownString ? plainText(item.tooltip) : ''}`);
        walk(child);
      }
    };
    walk();
    // The Access panel (the access history of a secret whose value was read, edited and copied above).
    const accessRows: string[] = [];
    const walkAccess = (node?: Parameters<TestHooks['access']['getChildren']>[0]) => {
      for (const child of api.access.getChildren(node)) {
        const item = api.access.getTreeItem(child);
        accessRows.push(
          `${String(item.label)} ${String(item.description ?? '')} ${item.tooltip instanceof vscode.MarkdownString ? plainText(item.tooltip) : ''}`,
        );
        walkAccess(child);
      }
    };
    walkAccess();
    assert.ok(
      accessRows.some((r) => r.startsWith('GetSecretValue')),
      'the access history is shown',
    );
    texts.push(...accessRows);
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
        .filter((m) => !/^\[(aws|browse|operate|protect|environments|run|access)\] (?!\[)/.test(m[2]))
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
