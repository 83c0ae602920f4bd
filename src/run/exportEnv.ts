import { existsSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { parseDotenv } from '../references/dotenv';
import { dotenvLine } from '../references/serialize';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { UserError } from '../ui/errors';
import { ask, confirm } from '../ui/wizard';
import { resolveEnvironment } from './environment';
import { pickReferencesFile } from './terminalCommand';

/**
 * "Export as .env…", for tools that only read plain `.env`: writes the resolved values after a
 * confirmation that names the risk, readable by the owner only, and adds the file to
 * `.gitignore` when the folder is in a git repository. Refused in untrusted workspaces. The
 * written file is not opened.
 */
export function registerExportCommand(deps: FeatureDeps): vscode.Disposable {
  return registerCommand(deps, Commands.exportEnv, 'Export as .env', async (arg?: vscode.Uri) => {
    if (!vscode.workspace.isTrusted) throw new UserError('Export as .env… writes secret values to a file, so it is not available in an untrusted workspace.');
    const source = await pickReferencesFile(deps, arg, 'Export as .env');
    if (source.scheme !== 'file') throw new UserError('Export as .env… needs a references file on disk.');
    const dir = path.dirname(source.fsPath);
    const name = await ask(deps.prompts, {
      title: `Export ${vscode.workspace.asRelativePath(source)} as plain .env`,
      prompt: `File to write, in ${vscode.workspace.asRelativePath(dir) || '.'}`,
      value: defaultName(source.fsPath),
      validate: (v) =>
        v.trim() === '' || /[\\/]/.test(v.trim())
          ? 'A file name in the same folder.'
          : path.join(dir, v.trim()) === source.fsPath
            ? 'That is the references file itself.'
            : undefined,
    });
    const target = path.join(dir, name.trim());
    const repository = gitRoot(dir);
    await confirm(
      deps.prompts,
      `Write secret values in plain text to ${name.trim()}?`,
      `Every value the references point at is written unencrypted. Anyone or anything that can read the file — other programs, backups, a sync folder, a commit, a screen share — gets them. ${
        repository ? 'The file is added to .gitignore.' : 'The folder is not in a git repository: keep the file out of anything you share.'
      }${existsSync(target) ? ` ${name.trim()} exists and is replaced.` : ''}`,
      'Write Plain Values',
    );
    const { values } = await resolveEnvironment(deps, { uri: source });
    const lines: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      const line = dotenvLine(key, value);
      if (line === undefined)
        throw new UserError(`The value of ${key} cannot be written as dotenv (it holds every kind of quote and a line break); nothing was written.`);
      lines.push(line);
    }
    const text = `# Written by AWS Secrets Lens from ${path.basename(source.fsPath)}: plain secret values. Do not commit.\n${lines.join('\n')}\n`;
    // Read back as dotenv reads it before anything is written: the values arrive unchanged or not at all.
    const check = Object.fromEntries(parseDotenv(text).map((e) => [e.key, e.value]));
    if (Object.keys(values).some((key) => check[key] !== values[key]))
      throw new UserError('The values could not be written so that dotenv reads them back exactly; nothing was written.');
    writeFileSync(target, text, { mode: 0o600 });
    const ignored = repository ? addToGitignore(repository, target) : undefined;
    deps.log.info(`exported ${lines.length} values to ${vscode.workspace.asRelativePath(target)}${ignored ? ` (${ignored})` : ''}`);
    void deps.prompts.info(
      `Wrote ${lines.length} values to ${vscode.workspace.asRelativePath(target)}${ignored ? ` (${ignored})` : ''}. Delete it when you are done.`,
    );
  });
}

/** `.env.aws` → `.env`; `dev.env.aws` → `dev.env`; anything else → `.env.local`. */
function defaultName(file: string): string {
  const base = path.basename(file);
  return base.endsWith('.aws') && base !== '.aws' ? base.slice(0, -'.aws'.length) : '.env.local';
}

/** The repository's top folder, found as git does: the nearest parent with a `.git` (folder or file). */
function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Adds the file to the repository's top `.gitignore` unless a rule there already ignores it; says what it did. */
function addToGitignore(root: string, file: string): string {
  const gitignore = path.join(root, '.gitignore');
  const relative = path.relative(root, file).split(path.sep).join('/');
  const current = existsSync(gitignore) && statSync(gitignore).isFile() ? readFileSync(gitignore, 'utf8') : '';
  if (ignore().add(current).ignores(relative)) return 'already in .gitignore';
  appendFileSync(gitignore, `${current === '' || current.endsWith('\n') ? '' : '\n'}/${relative}\n`);
  return 'added to .gitignore';
}
