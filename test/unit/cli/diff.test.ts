// Reading git's unified diff (git-diff(1), "COMBINED DIFF FORMAT" aside: -U0 patches) and its
// C-style path quoting (git-config(1), core.quotePath).

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiffParser, parseDiff, unquote } from '../../../src/cli/git/diff';

describe('parseDiff', () => {
  it('takes added line numbers from the hunk headers, a missing count meaning one line', () => {
    const diff = [
      'diff --git a/app.py b/app.py',
      'index 1111111..2222222 100644',
      '--- a/app.py',
      '+++ b/app.py',
      '@@ -2 +2 @@',
      '-old',
      '+new',
      '@@ -10,0 +11,3 @@ def f():',
      '+a',
      '+b',
      '+c',
      '@@ -20,2 +23,0 @@',
      '-gone',
      '-gone too',
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1 @@',
      '+hello',
      '\\ No newline at end of file',
    ].join('\n');
    assert.deepEqual(
      parseDiff(diff).map((f) => [f.path, [...f.addedLines]]),
      [
        ['app.py', [2, 11, 12, 13]],
        ['new.txt', [1]],
      ],
    );
  });

  it('never reads an added line as a header, even one that looks like "+++ b/x" or "@@ … @@"', () => {
    const diff = ['diff --git a/a.md b/a.md', '--- a/a.md', '+++ b/a.md', '@@ -0,0 +1,3 @@', '+++ b/evil.md', '+@@ -1 +100,50 @@', '+diff --git a/x b/x'].join(
      '\n',
    );
    assert.deepEqual(
      parseDiff(diff).map((f) => [f.path, [...f.addedLines]]),
      [['a.md', [1, 2, 3]]],
    );
  });

  it('a deleted file and a pure rename add nothing', () => {
    const diff = [
      'diff --git a/old.py b/old.py',
      'deleted file mode 100644',
      '--- a/old.py',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/a.py b/b.py',
      'similarity index 100%',
      'rename from a.py',
      'rename to b.py',
    ].join('\n');
    assert.deepEqual(parseDiff(diff), []);
  });

  it('splits log output into commits', () => {
    const parser = new DiffParser();
    const commit = parser.line('\u0001abc\u0000Ada\u0000ada@example.com\u00002024-01-02T03:04:05+01:00');
    assert.deepEqual(commit, { sha: 'abc', author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05+01:00' });
    for (const line of ['', 'diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '-a', '+b']) assert.equal(parser.line(line), undefined);
    assert.deepEqual(
      parser.take().map((f) => [f.path, [...f.addedLines]]),
      [['x', [1]]],
    );
  });
});

describe('unquote', () => {
  it('undoes C-style escapes and octal UTF-8 bytes', () => {
    assert.equal(unquote('"b/dir/na\\"me\\303\\251\\t.py"'), 'b/dir/na"meé\t.py');
    assert.equal(unquote('b/plain name.py'), 'b/plain name.py');
  });

  it('a quoted header path is read', () => {
    const diff = ['diff --git "a/t\\tab.py" "b/t\\tab.py"', '--- "a/t\\tab.py"', '+++ "b/t\\tab.py"', '@@ -0,0 +1 @@', '+x'].join('\n');
    assert.deepEqual(
      parseDiff(diff).map((f) => f.path),
      ['t\tab.py'],
    );
  });
});
