// Running a program with a references file the ways a user does — F5, an awsSecrets task, the
// terminal command — and reading back what the program saw. The program writes the variables
// it is asked about to a file outside the workspace and the user-data folder; the reader
// deletes it at once.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import * as vscode from 'vscode';
import { EMULATOR_CREDENTIALS } from '../../emulator';
import { emulatorEndpoint, waitFor } from './helpers';

const config = { region: 'us-east-1', credentials: { ...EMULATOR_CREDENTIALS } };

export async function createJsonSecret(name: string, value: Record<string, unknown>): Promise<void> {
  const client = new SecretsManagerClient({ ...config, endpoint: emulatorEndpoint() });
  try {
    await client.send(new CreateSecretCommand({ Name: name, SecretString: JSON.stringify(value) }));
  } finally {
    client.destroy();
  }
}

export async function createSecureParameter(name: string, value: string): Promise<void> {
  const client = new SSMClient({ ...config, endpoint: emulatorEndpoint() });
  try {
    await client.send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString' }));
  } finally {
    client.destroy();
  }
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a folder open');
  return folder;
}

/** A folder in the workspace with the program; `OUT` names the file it writes (outside the workspace). */
export class RunProject {
  readonly dir: string;
  readonly program: string;
  private readonly outDir = mkdtempSync(join(tmpdir(), 'asl-run-out-'));

  constructor(name: string) {
    this.dir = join(workspaceFolder().uri.fsPath, name);
    mkdirSync(this.dir, { recursive: true });
    this.program = join(this.dir, 'program.js');
    writeFileSync(
      this.program,
      [
        "const { writeFileSync } = require('fs');",
        "const keys = (process.env.ASKED || '').split(',').filter(Boolean);",
        'writeFileSync(process.env.OUT, JSON.stringify(Object.fromEntries(keys.map((k) => [k, process.env[k] ?? null]))));',
      ].join('\n'),
    );
  }

  /** Writes a references file here and returns its URI. */
  referencesFile(name: string, lines: readonly string[]): vscode.Uri {
    const path = join(this.dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return vscode.Uri.file(path);
  }

  /** A fresh output path and the variables that tell the program where to write and what. */
  output(keys: readonly string[]): { out: string; env: Record<string, string> } {
    const out = join(this.outDir, `${Math.random().toString(36).slice(2)}.json`);
    return { out, env: { OUT: out, ASKED: keys.join(',') } };
  }

  /** Waits for the program's output, reads it and deletes it. */
  async read(out: string, timeoutMs = 30_000): Promise<Record<string, string | null>> {
    const text = await waitFor(() => existsSync(out) && readFileSync(out, 'utf8'), `the program to write ${out}`, timeoutMs);
    rmSync(out, { force: true });
    return JSON.parse(text) as Record<string, string | null>;
  }

  dispose(): void {
    rmSync(this.outDir, { recursive: true, force: true });
  }
}

/** Starts a debug session and resolves when it has ended; false when the launch was stopped before it started. */
export async function debugToEnd(config: vscode.DebugConfiguration | string): Promise<boolean> {
  let started: vscode.DebugSession | undefined;
  const ended = new Promise<void>((resolve) => {
    const subscription = vscode.debug.onDidTerminateDebugSession((session) => {
      if (started && (session.id === started.id || session.parentSession?.id === started.id)) {
        subscription.dispose();
        resolve();
      }
    });
  });
  const listener = vscode.debug.onDidStartDebugSession((session) => (started ??= session));
  try {
    const ok = await vscode.debug.startDebugging(workspaceFolder(), config);
    if (!ok) return false;
    await waitFor(() => started, 'the debug session to start');
    await Promise.race([ended, waitFor(() => false, 'the debug session to end', 60_000)]);
    return true;
  } finally {
    listener.dispose();
  }
}

/** Runs a task to its end; resolves to its exit status. */
export async function runTask(task: vscode.Task): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve) => {
    const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution.task.name === task.name) {
        subscription.dispose();
        resolve(event.exitCode);
      }
    });
  });
  await vscode.tasks.executeTask(task);
  return Promise.race([ended, waitFor(() => false, `task ${task.name} to end`, 60_000) as Promise<never>]);
}
