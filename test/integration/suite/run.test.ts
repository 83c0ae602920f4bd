// Run with secrets from AWS: a Node program launched under F5 (the built-in JavaScript
// debugger), as an awsSecrets task and from "Open Terminal with Secrets…" sees the exact values
// of a references file; a reference that cannot be resolved stops the launch with a message
// naming it and its line. Then the editing support of references files, the tree commands, and
// .env in and out.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import * as vscode from 'vscode';
import { parameter, secretText } from './awsCheck';
import { activateProduct, waitFor } from './helpers';
import { createJsonSecret, createSecureParameter, debugToEnd, RunProject, runTask, workspaceFolder } from './runFixture';
import { asUser } from './scriptedUser';
import { explorer, parameterNode, plainText, secretNode } from './tree';

const id = Date.now().toString(36);
/** A JSON key's value with `=`, both quotes, unicode and a line break; a SecureString likewise. */
const PASSWORD = `pa=ss "double" 'single' é✓😀\nline two`;
const API_KEY = `key=${id} "q" ünï\ncode`;
const KEYS = ['DB_PASSWORD', 'DB_USER', 'API_KEY', 'PLAIN', 'PORT'];
const EXPECTED = { DB_PASSWORD: PASSWORD, DB_USER: 'app', API_KEY, PLAIN: 'a=b \'c\' "d" é', PORT: '5432' };

describe('run with secrets', () => {
  const project = new RunProject(`run-${id}`);
  const secret = `run-${id}/db`;
  const param = `/run-${id}/api-key`;
  let references: vscode.Uri;

  before(async () => {
    await activateProduct();
    await createJsonSecret(secret, { username: 'app', password: PASSWORD, port: 5432 });
    await createSecureParameter(param, API_KEY);
    references = project.referencesFile('.env.aws', [
      '# aws-secrets-lens: profile=demo region=us-east-1',
      `DB_PASSWORD={{resolve:secretsmanager:${secret}:SecretString:password}}`,
      `DB_USER={{resolve:secretsmanager:${secret}::username}}`,
      `API_KEY={{resolve:ssm-secure:${param}}}`,
      `PLAIN="a=b 'c' "d" é"`,
      `PORT={{resolve:secretsmanager:${secret}::port}}`,
    ]);
  });

  after(async () => {
    project.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('F5: a Node program launched from launch.json sees the exact values', async () => {
    assert.ok(vscode.extensions.getExtension('ms-vscode.js-debug'), 'the built-in JavaScript debugger is there');
    const { out, env } = project.output(KEYS);
    const name = `Program with secrets ${id}`;
    const launch = join(workspaceFolder().uri.fsPath, '.vscode', 'launch.json');
    mkdirSync(join(workspaceFolder().uri.fsPath, '.vscode'), { recursive: true });
    const configuration = {
      type: 'node',
      request: 'launch',
      name,
      program: '${workspaceFolder}/' + `run-${id}/program.js`,
      env,
      awsSecrets: { envFile: '${workspaceFolder}/' + `run-${id}/.env.aws` },
    };
    writeFileSync(launch, JSON.stringify({ version: '0.2.0', configurations: [configuration] }, null, 2));
    await waitFor(
      () => (vscode.workspace.getConfiguration('launch', workspaceFolder().uri).get<{ name: string }[]>('configurations') ?? []).some((c) => c.name === name),
      'VS Code to read launch.json',
    );
    const user = await asUser([], async () => assert.equal(await debugToEnd(name), true));
    assert.deepEqual(await project.read(out), EXPECTED);
    assert.deepEqual(user.messages('error'), []);
    assert.ok(!readFileSync(launch, 'utf8').includes('pa=ss'), 'launch.json holds no value');
  });

  it('F5: the launch configuration’s own env wins; "awsSecrets": false turns a default file off', async () => {
    const { out, env } = project.output(['DB_USER', 'API_KEY']);
    await asUser([], async () =>
      assert.ok(
        await debugToEnd({
          type: 'node',
          request: 'launch',
          name: 'own env',
          program: project.program,
          env: { ...env, DB_USER: 'mine' },
          awsSecrets: { envFile: references.fsPath },
        }),
      ),
    );
    assert.deepEqual(await project.read(out), { DB_USER: 'mine', API_KEY });
    const off = project.output(['API_KEY']);
    await asUser([], async () =>
      assert.ok(await debugToEnd({ type: 'node', request: 'launch', name: 'off', program: project.program, env: off.env, awsSecrets: false })),
    );
    assert.deepEqual(await project.read(off.out), { API_KEY: null });
  });

  it('F5: a reference that cannot be resolved stops the launch, naming the reference and its line', async () => {
    const broken = project.referencesFile('broken.env.aws', [
      '# aws-secrets-lens: profile=demo region=us-east-1',
      `GOOD={{resolve:secretsmanager:${secret}::username}}`,
      `BAD={{resolve:secretsmanager:${secret}::pasword}}`,
    ]);
    const { out, env } = project.output(['GOOD']);
    const user = await asUser([], async () =>
      assert.equal(
        await debugToEnd({ type: 'node', request: 'launch', name: 'broken', program: project.program, env, awsSecrets: { envFile: broken.fsPath } }),
        false,
      ),
    );
    const [message] = user.messages('error');
    assert.match(message ?? '', /A reference in run-\w+\/broken\.env\.aws could not be resolved, so nothing was started/);
    assert.match(message ?? '', new RegExp(`broken\\.env\\.aws:3: BAD=\\{\\{resolve:secretsmanager:${secret}::pasword\\}\\}: .*has no key “pasword”`));
    assert.equal(existsSync(out), false, 'the program did not run');
  });

  it('an awsSecrets task from tasks.json runs the program with the values, and ends with its exit status', async () => {
    const { out, env } = project.output(KEYS);
    const label = `secrets task ${id}`;
    const tasks = join(workspaceFolder().uri.fsPath, '.vscode', 'tasks.json');
    const definition = {
      type: 'awsSecrets',
      label,
      command: process.execPath,
      args: [project.program],
      envFile: '${workspaceFolder}/' + `run-${id}/.env.aws`,
      env,
    };
    writeFileSync(tasks, JSON.stringify({ version: '2.0.0', tasks: [definition] }, null, 2));
    const task = await waitFor(
      async () => (await vscode.tasks.fetchTasks({ type: 'awsSecrets' })).find((t) => t.name === label),
      'VS Code to read tasks.json',
      15_000,
    );
    assert.equal(await asUser([], () => runTask(task)).then(() => 'ran'), 'ran');
    assert.deepEqual(await project.read(out), EXPECTED);
    writeFileSync(tasks, JSON.stringify({ version: '2.0.0', tasks: [{ ...definition, label: `failing ${id}`, args: ['-e', 'process.exit(3)'] }] }, null, 2));
    const failingTask = await waitFor(
      async () => (await vscode.tasks.fetchTasks({ type: 'awsSecrets' })).find((t) => t.name === `failing ${id}`),
      'the failing task',
      15_000,
    );
    assert.equal(await runTask(failingTask), 3);
    assert.ok(!readFileSync(tasks, 'utf8').includes('pa=ss'), 'tasks.json holds no value');
  });

  it('"Open Terminal with Secrets…" opens a transient terminal whose processes get the values', async () => {
    const { out, env } = project.output(KEYS);
    const terminal = await asUser([], () => vscode.commands.executeCommand<vscode.Terminal>('awsSecrets.openTerminalWithSecrets', references)).then(() =>
      waitFor(() => vscode.window.terminals.find((t) => t.name === 'Secrets: .env.aws'), 'the terminal'),
    );
    try {
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.equal(options.isTransient, true, 'VS Code neither saves nor revives it');
      assert.ok(!JSON.stringify(options).includes('pa=ss'), 'the values are read inside the terminal, not handed to VS Code');
      const vars = Object.entries(env)
        .map(([k, v]) => `${k}='${v}'`)
        .join(' ');
      terminal.sendText(`${vars} '${process.execPath}' '${project.program}'`);
      assert.deepEqual(await project.read(out, 60_000), EXPECTED);
    } finally {
      terminal.dispose();
    }
  });

  it('marks malformed references, missing secrets, parameters and keys in the Problems panel', async () => {
    const file = project.referencesFile('check.env.aws', [
      '# aws-secrets-lens: profile=demo region=us-east-1',
      `OK={{resolve:secretsmanager:${secret}::password}}`,
      `NO_KEY={{resolve:secretsmanager:${secret}::pasword}}`,
      `NO_SECRET={{resolve:secretsmanager:run-${id}/nope}}`,
      `NO_PARAM={{resolve:ssm-secure:/run-${id}/nope}}`,
      `INSECURE={{resolve:ssm:${param}}}`,
      'BROKEN={{resolve:ssm:/x:latest}}',
    ]);
    await vscode.window.showTextDocument(file);
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(file).filter((d) => d.source === 'AWS Secrets Lens');
      return list.length >= 5 && list;
    }, 'the reference diagnostics');
    const summary = diagnostics.map((d) => [d.range.start.line, d.code, d.severity]).sort((a, b) => Number(a[0]) - Number(b[0]));
    assert.deepEqual(summary, [
      [2, 'missing-key', vscode.DiagnosticSeverity.Warning],
      [3, 'missing-reference', vscode.DiagnosticSeverity.Warning],
      [4, 'missing-reference', vscode.DiagnosticSeverity.Warning],
      [5, 'secure-parameter', vscode.DiagnosticSeverity.Error],
      [6, 'reference-syntax', vscode.DiagnosticSeverity.Error],
    ]);
    assert.match(
      diagnostics.find((d) => d.code === 'missing-key')!.message,
      /has no key “pasword” in us-east-1, profile demo\. Its keys: username, password, port\./,
    );
    assert.ok(diagnostics.every((d) => !d.message.includes('pa=ss')));
  });

  it('hovers show what a reference points at, never its value; completion offers names and JSON keys', async () => {
    const document = await vscode.workspace.openTextDocument(references);
    const line = document.lineAt(1).text;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      references,
      new vscode.Position(1, line.indexOf('secretsmanager')),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => plainText(c as vscode.MarkdownString))).join('\n');
    assert.match(text, new RegExp(`${secret.replace('/', '\\/')} \\(key password\\)`));
    assert.match(text, /Secrets Manager/);
    assert.match(text, /never shown here/);
    assert.ok(!text.includes('pa=ss') && !text.includes('line two'), 'no value in the hover');

    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), `NEW={{resolve:secretsmanager:run-${id}/`));
    const names = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      references,
      document.lineAt(document.lineCount - 1).range.end,
    );
    assert.ok(
      names.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === secret),
      'the secret’s name is offered',
    );
    await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, 'db:SecretString:'));
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      references,
      document.lineAt(document.lineCount - 1).range.end,
    );
    const offered = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(
      ['username', 'password', 'port'].filter((k) => offered.includes(k)),
      ['username', 'password', 'port'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the references file has CodeLenses to open a terminal and export', async () => {
    const lenses = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', references);
      return all.some((l) => l.command?.command === 'awsSecrets.openTerminalWithSecrets') && all;
    }, 'the CodeLenses');
    assert.deepEqual(
      lenses.map((l) => l.command?.title.replace(/\$\([a-z-]+\) /, '')),
      ['Open Terminal with Secrets', 'Export as .env…', 'us-east-1, profile demo'],
    );
  });

  it('"Copy as Reference" and "Add to References File…" on tree items', async () => {
    const provider = await explorer();
    // The secret and the parameter were made behind the tree's back: reload what it shows.
    await vscode.commands.executeCommand('awsSecrets.refresh');
    await waitFor(() => secretNode(provider, secret).then(Boolean), 'the secret in the tree');
    await asUser([{ pick: 'password' }], async () => vscode.commands.executeCommand('awsSecrets.copyAsReference', await secretNode(provider, secret)));
    assert.equal(await vscode.env.clipboard.readText(), `{{resolve:secretsmanager:${secret}:SecretString:password}}`);
    await asUser([], async () => vscode.commands.executeCommand('awsSecrets.copyAsReference', await parameterNode(provider, param)));
    assert.equal(await vscode.env.clipboard.readText(), `{{resolve:ssm-secure:${param}}}`);

    await asUser([{ pick: `run-${id}/.env.aws` }, { pick: 'username' }, { input: 'SECOND_USER' }], async () =>
      vscode.commands.executeCommand('awsSecrets.addToReferencesFile', await secretNode(provider, secret)),
    );
    const text = readFileSync(references.fsPath, 'utf8');
    assert.ok(text.endsWith(`PORT={{resolve:secretsmanager:${secret}::port}}\nSECOND_USER={{resolve:secretsmanager:${secret}:SecretString:username}}\n`), text);
    await vscode.env.clipboard.writeText('');
  });

  it('"Import .env into AWS…": one JSON secret, then the file rewritten into references as one undo', async () => {
    const plain = join(project.dir, '.env');
    const values = { DB_URL: 'postgres://u:p@h/db?a=b', TOKEN: `t "${id}" ü`, MULTI: 'one\ntwo', EMPTY: '' };
    writeFileSync(plain, '# local\nDB_URL=postgres://u:p@h/db?a=b\nTOKEN=\'t "' + id + '" ü\'\nMULTI="one\\ntwo"\nEMPTY=\n');
    const document = await vscode.workspace.openTextDocument(plain);
    await vscode.window.showTextDocument(document);
    const name = `run-${id}/imported`;
    const user = await asUser(
      [
        { pick: 'One JSON secret in Secrets Manager' },
        { input: name, title: /Secret for run-\w+\/\.env/ },
        { pick: /Rewrite \.env into references/ },
        { confirm: 'Create' },
      ],
      () => vscode.commands.executeCommand('awsSecrets.importEnv', document.uri),
    );
    assert.ok(
      user.shown.some(
        (s) =>
          s.level === 'warn' &&
          /Create secret run-\w+\/imported with 3 keys in us-east-1.*Entries: DB_URL, TOKEN, MULTI\. Staying as they are: EMPTY/.test(s.text),
      ),
    );
    const stored = JSON.parse((await secretText(name)) ?? '{}');
    assert.deepEqual(stored, { DB_URL: values.DB_URL, TOKEN: values.TOKEN, MULTI: values.MULTI });
    assert.equal(
      document.getText(),
      `# aws-secrets-lens: profile=demo region=us-east-1\n# local\nDB_URL={{resolve:secretsmanager:${name}:SecretString:DB_URL}}\nTOKEN={{resolve:secretsmanager:${name}:SecretString:TOKEN}}\nMULTI={{resolve:secretsmanager:${name}:SecretString:MULTI}}\nEMPTY=\n`,
    );
    await vscode.commands.executeCommand('undo');
    assert.deepEqual(dotenv.parse(document.getText()), values, 'one undo brings every value back');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    rmSync(plain);
  });

  it('"Import .env into AWS…": one SecureString per entry, into a new references file', async () => {
    const plain = join(project.dir, '.env.local');
    writeFileSync(plain, 'A=alpha\nB="b=2"\n');
    const path = `/run-${id}/local`;
    await asUser([{ pick: 'One SecureString parameter per entry' }, { input: path }, { pick: /Write a new \.env\.aws/ }, { confirm: 'Create' }], async () => {
      rmSync(references.fsPath);
      await vscode.commands.executeCommand('awsSecrets.importEnv', vscode.Uri.file(plain));
    });
    assert.equal((await parameter(`${path}/A`))?.Value, 'alpha');
    assert.equal((await parameter(`${path}/B`))?.Type, 'SecureString');
    assert.equal(
      readFileSync(join(project.dir, '.env.aws'), 'utf8'),
      `# aws-secrets-lens: profile=demo region=us-east-1\nA={{resolve:ssm-secure:${path}/A}}\nB={{resolve:ssm-secure:${path}/B}}\n`,
    );
    assert.equal(readFileSync(plain, 'utf8'), 'A=alpha\nB="b=2"\n', 'the plain file stays until the user deletes it');
    rmSync(plain);
  });

  it('"Export as .env…" writes the values after a confirmation that names the risk, and adds the file to .gitignore', async () => {
    mkdirSync(join(project.dir, '.git'), { recursive: true });
    const source = project.referencesFile('export.env.aws', [
      '# aws-secrets-lens: profile=demo region=us-east-1',
      `DB_PASSWORD={{resolve:secretsmanager:${secret}::password}}`,
      'PLAIN=x',
    ]);
    const user = await asUser([{ input: 'export.env' }, { confirm: 'Write Plain Values' }], () =>
      vscode.commands.executeCommand('awsSecrets.exportEnv', source),
    );
    assert.ok(
      user.shown.some((s) => s.level === 'warn' && /Write secret values in plain text to export\.env\?.*unencrypted.*added to \.gitignore/.test(s.text)),
    );
    const written = join(project.dir, 'export.env');
    assert.deepEqual(dotenv.parse(readFileSync(written, 'utf8')), { DB_PASSWORD: PASSWORD, PLAIN: 'x' });
    assert.equal(readFileSync(join(project.dir, '.gitignore'), 'utf8'), '/export.env\n');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === written), 'the written file is not opened');
    rmSync(written);
    rmSync(join(project.dir, '.git'), { recursive: true });
  });
});
