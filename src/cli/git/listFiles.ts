// A plain `scan` inside a git repository reads the files git sees: everything tracked (a tracked
// file that a .gitignore matches was committed anyway, so it is scanned) plus untracked files no
// ignore rule matches (what the next `git add .` would commit). Ignored, untracked files are not read.
import type { ListFiles } from '../../detect/walk';
import { git, nulSeparated, repositoryRoot } from './git';

export const listFilesWithGit: ListFiles = (folder) => {
  if (!repositoryRoot(folder)) return undefined;
  // -z: paths as they are, never quoted; relative to `folder` because git runs there.
  return nulSeparated(git(folder, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.']));
};
