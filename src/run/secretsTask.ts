import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { TASK_TYPE } from '../constants';
import { isCancellation } from '../ui/errors';
import { reportError } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { referencesUri, resolveEnvironment } from './environment';

/** A task of type `awsSecrets` (package.json taskDefinitions). */
interface SecretsTaskDefinition extends vscode.TaskDefinition {
  readonly command: string;
  readonly args?: readonly string[];
  readonly envFile?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

const DEFAULT_ENV_FILE = '${workspaceFolder}/.env.aws';

/**
 * Tasks whose process gets a references file's values: the file is resolved when the task
 * starts, inside the task's own terminal, and the command is started directly (no shell) with
 * the values added to its environment. Nothing of the values is in the task's definition, so
 * nothing of them is in what VS Code remembers of recent tasks.
 */
export class SecretsTaskProvider implements vscode.TaskProvider {
  constructor(private readonly deps: FeatureDeps) {}

  provideTasks(): vscode.Task[] {
    return [];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as SecretsTaskDefinition;
    if (definition.type !== TASK_TYPE || typeof definition.command !== 'string') return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : undefined;
    const execution = new vscode.CustomExecution(async (resolved) => new SecretsPty(this.deps, resolved as SecretsTaskDefinition, folder));
    return new vscode.Task(definition, task.scope ?? vscode.TaskScope.Workspace, task.name, 'AWS Secrets', execution, task.problemMatchers);
  }
}

/** The task's terminal: resolves, starts the process, passes its output and input through, and closes with its exit status. */
class SecretsPty implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private child: ChildProcess | undefined;
  private stopped = false;
  private done = false;

  constructor(
    private readonly deps: FeatureDeps,
    private readonly definition: SecretsTaskDefinition,
    private readonly folder: vscode.WorkspaceFolder | undefined,
  ) {}

  open(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const d = this.definition;
    const uri = referencesUri(d.envFile || DEFAULT_ENV_FILE, this.folder);
    let values: Record<string, string>;
    try {
      ({ values } = await resolveEnvironment(this.deps, { uri, profile: d.profile || undefined, region: d.region || undefined }));
    } catch (error) {
      if (!isCancellation(error)) {
        this.print(`\x1b[31m${error instanceof Error ? error.message : String(error)}\x1b[0m\n`);
        void reportError(this.deps.log, this.deps.prompts, `Task ${d.command}`, error);
      }
      this.finish(2);
      return;
    }
    if (this.stopped) return;
    const cwd = d.cwd ? referencesUri(d.cwd, this.folder).fsPath : this.folder?.uri.fsPath;
    const child = spawn(d.command, [...(d.args ?? [])], { cwd, env: { ...process.env, ...values, ...d.env }, shell: false });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.print(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.print(chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.print(`\x1b[31mCannot run ${d.command}: ${error.code === 'ENOENT' ? 'command not found' : (error.code ?? error.message)}\x1b[0m\n`);
      this.finish(error.code === 'ENOENT' ? 127 : 126);
    });
    child.on('close', (code, signal) => this.finish(code ?? (signal ? 128 : 1)));
  }

  handleInput(data: string): void {
    // No pty: echo what is typed, and send Enter as a line end.
    const text = data.replace(/\r/g, '\n');
    this.print(text);
    this.child?.stdin?.write(text);
  }

  close(): void {
    this.stopped = true;
    this.child?.kill('SIGTERM');
  }

  private print(text: string): void {
    this.written.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  private finish(code: number): void {
    // A failed spawn reports both `error` and `close`: the first one ends the task.
    if (this.done) return;
    this.done = true;
    this.closed.fire(code);
    this.written.dispose();
    this.closed.dispose();
  }
}
