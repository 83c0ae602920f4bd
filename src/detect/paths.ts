// Which files a scan skips by path alone: dependencies, vendored code, lock files,
// minified bundles, binaries, plus the user's exclude globs.

import picomatch from 'picomatch';

const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'thirdparty',
  'third-party',
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.terraform',
  '.yarn',
  '.pnpm-store',
  'Pods',
  'Carthage',
  '.gradle',
  '.idea',
  '.next',
  '.nuxt',
  'coverage',
  '.nyc_output',
]);

const LOCK_FILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'gemfile.lock',
  'cargo.lock',
  'composer.lock',
  'poetry.lock',
  'pipfile.lock',
  'go.sum',
  'packages.lock.json',
  'mix.lock',
  'pubspec.lock',
  'flake.lock',
  'podfile.lock',
  'uv.lock',
  'pdm.lock',
  'gradle.lockfile',
  '.terraform.lock.hcl',
]);

const MINIFIED = /(?:[.-]min\.(?:js|mjs|cjs|css)|\.(?:js|css)\.map|\.map)$/i;

const BINARY_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'bmp',
  'ico',
  'icns',
  'webp',
  'tif',
  'tiff',
  'psd',
  'svgz',
  'heic',
  'avif',
  'pdf',
  'zip',
  'gz',
  'tgz',
  'bz2',
  'xz',
  'zst',
  '7z',
  'rar',
  'tar',
  'jar',
  'war',
  'ear',
  'aar',
  'apk',
  'ipa',
  'class',
  'dll',
  'exe',
  'so',
  'dylib',
  'o',
  'a',
  'lib',
  'obj',
  'bin',
  'dat',
  'wasm',
  'pyc',
  'pyo',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'mp3',
  'mp4',
  'm4a',
  'mov',
  'avi',
  'wav',
  'ogg',
  'flac',
  'webm',
  'mkv',
  'sqlite',
  'sqlite3',
  'db',
  'pkl',
  'npy',
  'npz',
  'h5',
  'parquet',
  'avro',
  'orc',
  'iso',
  'dmg',
  'img',
  'vsix',
  'nupkg',
  'whl',
  'egg',
  'deb',
  'rpm',
  'msi',
  'jks',
  'keystore',
  'p12',
  'pfx',
  'der',
  'xlsx',
  'xls',
  'docx',
  'doc',
  'pptx',
  'ppt',
  'odt',
]);

export interface PathExcludes {
  /** Glob patterns (picomatch syntax); a pattern without `/` matches a file or folder name anywhere. */
  globs?: readonly string[];
}

/** Why the built-in rules skip this path, or undefined. `relativePath` uses `/` or `\`. */
export function builtInExclusion(relativePath: string): string | undefined {
  const segments = relativePath.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  const base = segments[segments.length - 1] ?? '';
  for (let i = 0; i < segments.length - 1; i++) {
    if (SKIPPED_DIRECTORIES.has(segments[i])) return `${segments[i]} folder`;
  }
  const lower = base.toLowerCase();
  if (LOCK_FILES.has(lower)) return 'lock file';
  if (MINIFIED.test(lower)) return 'minified file';
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && BINARY_EXTENSIONS.has(lower.slice(dot + 1))) return 'binary file';
  return undefined;
}

/** True when a directory name is never descended into. */
export function isSkippedDirectoryName(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name);
}

type Matcher = (path: string) => boolean;
const matcherCache = new Map<string, Matcher>();

function globMatcher(globs: readonly string[]): Matcher {
  const key = globs.join('\u0000');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const withSlash = globs.filter((g) => g.includes('/')).map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
    const nameOnly = globs.filter((g) => !g.includes('/'));
    const full = withSlash.length ? picomatch(withSlash, { dot: true }) : () => false;
    const names = nameOnly.length ? picomatch(nameOnly, { dot: true }) : () => false;
    matcher = (path: string) => {
      const segments = path.split('/');
      // A pattern matching any parent folder excludes everything below it.
      for (let i = 1; i <= segments.length; i++) {
        if (names(segments[i - 1]) || full(segments.slice(0, i).join('/'))) return true;
      }
      return false;
    };
    if (matcherCache.size > 50) matcherCache.clear();
    matcherCache.set(key, matcher);
  }
  return matcher;
}

/** True when the path is skipped by the built-in rules or by one of the exclude globs. */
export function isExcludedPath(relativePath: string, excludes: PathExcludes = {}): boolean {
  if (builtInExclusion(relativePath)) return true;
  const globs = excludes.globs ?? [];
  if (globs.length === 0) return false;
  const normalized = relativePath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return globMatcher(globs)(normalized);
}
