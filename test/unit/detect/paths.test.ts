// Path excludes and the file walk used by the CLI.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isExcludedPath } from '../../../src/detect';
import { collectFiles, readScannableFile } from '../../../src/detect/walk';

describe('isExcludedPath()', () => {
  it('skips dependencies, vendored code, lock files, minified files and binaries', () => {
    for (const excluded of [
      'node_modules/pkg/index.js',
      'a/vendor/lib.go',
      'third_party/x.py',
      '.git/config',
      'package-lock.json',
      'web/yarn.lock',
      'go.sum',
      'Gemfile.lock',
      'dist/app.min.js',
      'public/site.min.css',
      'app.js.map',
      'img/logo.png',
      'lib/app.jar',
    ]) {
      assert.equal(isExcludedPath(excluded), true, excluded);
    }
    for (const kept of ['src/app.ts', '.env', 'config/settings.yaml', 'Dockerfile', 'vendored.py', 'src/lock.ts']) {
      assert.equal(isExcludedPath(kept), false, kept);
    }
  });

  it('applies exclude globs to files and to every folder above them', () => {
    const globs = { globs: ['test/fixtures', '*.snap', 'docs/**/*.md'] };
    assert.equal(isExcludedPath('test/fixtures/a/b.py', globs), true);
    assert.equal(isExcludedPath('src/__snapshots__/x.snap', globs), true);
    assert.equal(isExcludedPath('docs/guide/intro.md', globs), true);
    assert.equal(isExcludedPath('./test/fixtures/c.ts', globs), true);
    assert.equal(isExcludedPath('src/app.ts', globs), false);
    assert.equal(isExcludedPath('README.md', globs), false);
  });
});

describe('collectFiles() and readScannableFile()', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'asl-walk-'));
    const files: Record<string, string | Buffer> = {
      '.gitignore': 'ignored.txt\nbuild/\n',
      'src/app.ts': 'export {};\n',
      'src/.gitignore': 'local.ts\n',
      'src/local.ts': 'x\n',
      'ignored.txt': 'x\n',
      'build/out.js': 'x\n',
      'node_modules/dep/index.js': 'x\n',
      'package-lock.json': '{}\n',
      '.env': 'A=1\n',
      'docs/notes.md': 'x\n',
      'image.bin.txt': Buffer.from([0x41, 0x00, 0x42]),
      'big.txt': 'a'.repeat(1024 * 1024 + 1),
    };
    mkdirSync(path.join(root, '.git'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), content);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const walk = (options: { excludeGlobs?: string[]; useGitignore?: boolean; roots?: string[] } = {}) =>
    collectFiles(options.roots ?? ['.'], { cwd: root, excludeGlobs: options.excludeGlobs ?? [], useGitignore: options.useGitignore ?? true }).files.map(
      (f) => f.relativePath,
    );

  it('honours nested .gitignore files and skips built-in excludes', () => {
    assert.deepEqual(walk(), ['.env', '.gitignore', 'big.txt', 'docs/notes.md', 'image.bin.txt', 'src/.gitignore', 'src/app.ts']);
  });

  it('--no-gitignore brings ignored files back, but not node_modules or lock files', () => {
    assert.deepEqual(walk({ useGitignore: false }), [
      '.env',
      '.gitignore',
      'big.txt',
      'build/out.js',
      'docs/notes.md',
      'ignored.txt',
      'image.bin.txt',
      'src/.gitignore',
      'src/app.ts',
      'src/local.ts',
    ]);
  });

  it('exclude globs remove files and folders', () => {
    assert.deepEqual(walk({ excludeGlobs: ['docs', '*.txt', '.gitignore'] }), ['.env', 'src/app.ts']);
  });

  it('scans a file named explicitly even when it is ignored', () => {
    assert.deepEqual(walk({ roots: ['ignored.txt'] }), ['ignored.txt']);
  });

  it('.gitignore files above a scanned subfolder apply up to the repository root', () => {
    writeFileSync(path.join(root, '.gitignore'), 'ignored.txt\nbuild/\nsrc/app.ts\n');
    try {
      assert.deepEqual(walk({ roots: ['src'] }), ['src/.gitignore']);
    } finally {
      writeFileSync(path.join(root, '.gitignore'), 'ignored.txt\nbuild/\n');
    }
  });

  it('reports missing paths as problems', () => {
    const result = collectFiles(['missing'], { cwd: root, excludeGlobs: [], useGitignore: true });
    assert.deepEqual(result.problems, [{ path: 'missing', message: 'no such file or directory' }]);
  });

  it('skips binary files and files over 1 MB, saying why', () => {
    assert.deepEqual(readScannableFile(path.join(root, 'image.bin.txt')), { skipped: 'binary (a NUL byte in the first 8 KB)' });
    assert.match(
      (readScannableFile(path.join(root, 'big.txt')) as { skipped: string }).skipped,
      /^larger than 1 MB \(1(\.\d)? MB; raise the limit with --max-file-size\)$/,
    );
    assert.deepEqual(readScannableFile(path.join(root, '.env')), { text: 'A=1\n', bytes: 4 });
  });
});
