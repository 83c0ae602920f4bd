// `aws-secrets-lens install-hook`: a git pre-commit hook for teams without the pre-commit framework.
// It goes where git looks for hooks (core.hooksPath honoured), and never replaces a hook someone
// else wrote unless told to (--force, which keeps the old one beside it).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { version } from '../../package.json';
import { printable } from '../detect/report/model';
import { parseCommandLine, UsageError } from './args';
import { git, GitError, requireRepository } from './git/git';

export const INSTALL_HOOK_USAGE = `Usage: aws-secrets-lens install-hook [--force]

Writes a git pre-commit hook that runs "aws-secrets-lens scan --staged" before each
commit and stops the commit when the staged changes add a hard-coded secret. It is
written where git runs hooks from (.git/hooks, or core.hooksPath when set).
SKIP=aws-secrets-lens git commit … (or git commit --no-verify) commits anyway.
With the pre-commit framework, use the hooks in .pre-commit-hooks.yaml instead.

Options:
  --force      replace a pre-commit hook this tool did not write (kept as pre-commit.backup)
  -h, --help   show this help

Exit status: 0 installed (or already up to date), 2 not in a repository or a hook is in the way.
`;

/** The line that marks a hook as ours, so installing again updates it instead of refusing. */
const MARKER = '# installed by aws-secrets-lens install-hook';
export const HOOK_ID = 'aws-secrets-lens';

/** The hook script: the CLI on PATH, else the project's own, else this version through npx. */
export function hookScript(): string {
  const scan = `scan --staged --hook ${HOOK_ID}`;
  return `#!/bin/sh
${MARKER} (${version}); reinstall it to update, delete it to remove.
# Stops a commit whose staged changes add a hard-coded secret. Skip once: SKIP=${HOOK_ID} git commit …
case ",\${SKIP:-}," in *,${HOOK_ID},*) exit 0 ;; esac
if command -v aws-secrets-lens >/dev/null 2>&1; then exec aws-secrets-lens ${scan}; fi
if [ -x node_modules/.bin/aws-secrets-lens ]; then exec node_modules/.bin/aws-secrets-lens ${scan}; fi
exec npx --yes aws-secrets-lens@${version} ${scan}
`;
}

export function runInstallHook(argv: readonly string[]): number {
  const { values, positionals } = parseCommandLine(argv, { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(INSTALL_HOOK_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`install-hook takes no PATH (run it inside the repository), not "${positionals[0]}"`);
  try {
    const file = install(process.cwd(), values.force === true);
    process.stderr.write(
      `aws-secrets-lens: ${file.replaced ? `replaced ${printable(file.replaced)} (kept as ${printable(file.replaced)}.backup); ` : ''}installed ${printable(file.path)}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n`);
    return 2;
  }
}

function install(cwd: string, force: boolean): { path: string; replaced?: string } {
  requireRepository(cwd, 'install-hook');
  // --git-path honours core.hooksPath (and worktrees); the answer is relative to cwd.
  const hooks = path.resolve(cwd, git(cwd, ['rev-parse', '--git-path', 'hooks']).toString('utf8').trim());
  const file = path.join(hooks, 'pre-commit');
  const shown = path.relative(cwd, file) || file;
  let replaced: string | undefined;
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    if (!current.includes(MARKER)) {
      if (!force)
        throw new GitError(
          `${shown} exists and was not written by aws-secrets-lens: add "aws-secrets-lens scan --staged" to it yourself, or replace it with --force (it is kept as pre-commit.backup)`,
        );
      renameSync(file, `${file}.backup`);
      replaced = shown;
    }
  }
  mkdirSync(hooks, { recursive: true });
  writeFileSync(file, hookScript());
  chmodSync(file, 0o755);
  return { path: shown, replaced };
}
