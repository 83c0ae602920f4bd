// A throw-away git repository for the CLI's git tests, isolated from the machine's git
// configuration: HOME points into the temp folder, the system config is not read, and the
// author and committer are set here, so the tests run the same on any machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export class TempRepo {
  readonly home: string;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(prefix = 'asl-git-') {
    this.home = mkdtempSync(path.join(tmpdir(), prefix));
    this.dir = path.join(this.home, 'repo');
    mkdirSync(this.dir);
    this.env = isolatedGitEnvironment(this.home);
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8' });
  }

  write(name: string, content: string): void {
    mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
    writeFileSync(path.join(this.dir, name), content);
  }

  /** Commits everything in the work tree; returns the commit's hash. */
  commit(message: string, files: Record<string, string> = {}): string {
    for (const [name, content] of Object.entries(files)) this.write(name, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Runs a program (the bundled CLI under node) in the repository with the isolated environment. */
  run(command: string, args: string[], cwd = this.dir): Run {
    const result = spawnSync(command, args, { cwd, env: { ...this.env, NO_COLOR: '' }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** The environment for git in tests: no system or user config but what is set here. */
export function isolatedGitEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ada Tester',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Tester',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
  };
}
