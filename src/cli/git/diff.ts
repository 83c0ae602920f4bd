// Reading `git diff -U0` / `git log -p -U0` output: which lines each file gained. Only the file
// headers and the hunk headers are read — the lines themselves come from the file's content at that
// commit, so a finding is judged with the whole file around it (a key pair split over two lines, an
// ignore marker on the line before) and only then kept if it sits on an added line.
import type { CommitInfo } from '../../detect/report/model';

/** The lines one file gained in one diff, 1-based. */
export interface FileChange {
  /** The path after the change, relative to the repository root. */
  path: string;
  addedLines: Set<number>;
}

/** One commit of `git log` with its changes (COMMIT_FORMAT). */
export interface CommitChanges {
  commit: CommitInfo;
  files: FileChange[];
}

/** `git log --format=` for parseLog: a line starting with U+0001, fields separated by NUL. */
export const COMMIT_FORMAT = '%x01%H%x00%an%x00%ae%x00%aI';

/**
 * Options every diff is run with: no context lines, no colour or external tools, and rename
 * detection, so a file moved without changes gains no lines (and is not reported a second time).
 */
export const DIFF_OPTIONS = ['-U0', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--diff-filter=AMR'];

/**
 * Parses diff output line by line (feed it lines without their newline). Text of the diff lines is
 * skipped; content lines cannot be mistaken for headers because hunk sizes say how many follow.
 */
export class DiffParser {
  private current: FileChange | undefined;
  private remaining = 0;
  readonly files: FileChange[] = [];

  /** Returns the commit when the line starts one (log output). */
  line(line: string): CommitInfo | undefined {
    if (this.remaining > 0 && (line.startsWith('+') || line.startsWith('-'))) {
      if (!line.startsWith('-')) this.remaining--;
      return undefined;
    }
    if (line.startsWith('\\')) return undefined; // "\ No newline at end of file"
    this.remaining = 0;
    if (line.startsWith('\u0001')) {
      const [sha, author, email, date] = line.slice(1).split('\u0000');
      this.current = undefined;
      return { sha, author, email, date };
    }
    if (line.startsWith('diff --git ')) {
      this.current = undefined;
      return undefined;
    }
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') return undefined;
      const path = unquote(target).replace(/^b\//, '');
      this.current = { path, addedLines: new Set() };
      this.files.push(this.current);
      return undefined;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && this.current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) this.current.addedLines.add(n);
      // Added lines are counted off so a "+++ " or "@@" line of content is never read as a header.
      this.remaining = count;
    }
    return undefined;
  }

  /** The files parsed so far (those that gained lines), and starts afresh. */
  take(): FileChange[] {
    const files = this.files.splice(0).filter((file) => file.addedLines.size > 0);
    this.current = undefined;
    return files;
  }
}

/** Every file's added lines in one `git diff -U0` output. */
export function parseDiff(output: string): FileChange[] {
  const parser = new DiffParser();
  for (const line of output.split('\n')) parser.line(line);
  return parser.take();
}

/**
 * git's C-style quoting of unusual paths (`"dir/na\"me\303\251"`): escapes and octal bytes undone,
 * the bytes read as UTF-8. An unquoted path is returned as it is.
 */
export function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (/[0-7]/.test(next ?? '')) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
