// File name → VS Code language id, the comment syntax of each language, and the
// few syntax facts the rules need (can a value be bare? what starts a comment?).

export type SyntaxFamily = 'code' | 'yaml' | 'json' | 'dotenv' | 'shell' | 'properties' | 'ini' | 'toml' | 'hcl' | 'dockerfile' | 'xml' | 'plain';

const BY_EXTENSION: Record<string, string> = {
  py: 'python',
  pyw: 'python',
  pyi: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  java: 'java',
  go: 'go',
  cs: 'csharp',
  csx: 'csharp',
  rb: 'ruby',
  rake: 'ruby',
  gemspec: 'ruby',
  erb: 'erb',
  php: 'php',
  phtml: 'php',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  ksh: 'shellscript',
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  jsonc: 'jsonc',
  json5: 'jsonc',
  ipynb: 'json',
  env: 'dotenv',
  properties: 'properties',
  ini: 'ini',
  cfg: 'ini',
  conf: 'ini',
  cnf: 'ini',
  toml: 'toml',
  tf: 'terraform',
  tfvars: 'terraform',
  hcl: 'terraform',
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  xml: 'xml',
  config: 'xml',
  csproj: 'xml',
  vbproj: 'xml',
  props: 'xml',
  targets: 'xml',
  plist: 'xml',
  xaml: 'xml',
  wsdl: 'xml',
  xsd: 'xml',
  xsl: 'xml',
  xslt: 'xml',
  nuspec: 'xml',
  resx: 'xml',
  pom: 'xml',
  html: 'html',
  htm: 'html',
  vue: 'vue',
  svelte: 'svelte',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  kt: 'kotlin',
  kts: 'kotlin',
  scala: 'scala',
  swift: 'swift',
  rs: 'rust',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  m: 'objective-c',
  dart: 'dart',
  lua: 'lua',
  pl: 'perl',
  pm: 'perl',
  r: 'r',
  sql: 'sql',
  ps1: 'powershell',
  psm1: 'powershell',
  bat: 'bat',
  cmd: 'bat',
  groovy: 'groovy',
  gradle: 'groovy',
  ex: 'elixir',
  exs: 'elixir',
  clj: 'clojure',
  fs: 'fsharp',
  vb: 'vb',
  css: 'css',
  scss: 'scss',
  txt: 'plaintext',
};

const BY_NAME: Record<string, string> = {
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  makefile: 'makefile',
  gnumakefile: 'makefile',
  gemfile: 'ruby',
  rakefile: 'ruby',
  podfile: 'ruby',
  vagrantfile: 'ruby',
  jenkinsfile: 'groovy',
  '.npmrc': 'ini',
  '.yarnrc': 'ini',
  '.pypirc': 'ini',
  '.gitconfig': 'ini',
  '.editorconfig': 'ini',
  '.netrc': 'plaintext',
  '.bashrc': 'shellscript',
  '.bash_profile': 'shellscript',
  '.zshrc': 'shellscript',
  '.profile': 'shellscript',
  '.envrc': 'shellscript',
  '.env': 'dotenv',
  credentials: 'ini',
  'tsconfig.json': 'jsonc',
  'jsconfig.json': 'jsonc',
  '.eslintrc.json': 'jsonc',
  'devcontainer.json': 'jsonc',
  'settings.json': 'jsonc',
  'launch.json': 'jsonc',
  'tasks.json': 'jsonc',
  'extensions.json': 'jsonc',
};

/** The VS Code language id for a file name or path (`plaintext` when unknown). */
export function languageFromFileName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const lower = base.toLowerCase();
  const byName = BY_NAME[lower];
  if (byName) return byName;
  if (lower.startsWith('.env.')) return 'dotenv';
  if (lower.startsWith('dockerfile.') || lower.startsWith('containerfile.')) return 'dockerfile';
  const dot = lower.lastIndexOf('.');
  if (dot <= 0) return 'plaintext';
  return BY_EXTENSION[lower.slice(dot + 1)] ?? 'plaintext';
}

export interface CommentSyntax {
  /** Text that opens the comment, e.g. `#`, `//`, `<!--`. */
  start: string;
  /** Text that closes it, or '' for a line comment. */
  end: string;
}

const HASH: CommentSyntax = { start: '#', end: '' };
const SLASHES: CommentSyntax = { start: '//', end: '' };
const MARKUP: CommentSyntax = { start: '<!--', end: '-->' };

const COMMENTS: Record<string, CommentSyntax | undefined> = {
  python: HASH,
  ruby: HASH,
  shellscript: HASH,
  yaml: HASH,
  dotenv: HASH,
  properties: HASH,
  terraform: HASH,
  dockerfile: HASH,
  toml: HASH,
  perl: HASH,
  r: HASH,
  powershell: HASH,
  makefile: HASH,
  elixir: HASH,
  plaintext: HASH,
  ini: { start: ';', end: '' },
  sql: { start: '--', end: '' },
  lua: { start: '--', end: '' },
  bat: { start: 'REM', end: '' },
  clojure: { start: ';;', end: '' },
  vb: { start: "'", end: '' },
  xml: MARKUP,
  html: MARKUP,
  markdown: MARKUP,
  vue: MARKUP,
  svelte: MARKUP,
  erb: { start: '<%#', end: '%>' },
  css: { start: '/*', end: '*/' },
  scss: SLASHES,
  json: undefined,
};

/**
 * The comment syntax to put an ignore marker in, or undefined when the language
 * has none (JSON): callers then use a baseline instead.
 */
export function commentFor(languageId: string): CommentSyntax | undefined {
  if (languageId in COMMENTS) return COMMENTS[languageId];
  return SLASHES; // the C family: JavaScript, TypeScript, Java, Go, C#, PHP, Kotlin, Swift, Rust, jsonc…
}

const FAMILIES: Record<string, SyntaxFamily> = {
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  dotenv: 'dotenv',
  shellscript: 'shell',
  makefile: 'shell',
  properties: 'properties',
  ini: 'ini',
  toml: 'toml',
  terraform: 'hcl',
  dockerfile: 'dockerfile',
  xml: 'xml',
  html: 'xml',
  vue: 'code',
  svelte: 'code',
  markdown: 'plain',
  plaintext: 'plain',
};

/** Which assignment syntax a language uses. */
export function syntaxFamily(languageId: string): SyntaxFamily {
  return FAMILIES[languageId] ?? 'code';
}

/** Families where a value may stand without quotes (`password: hunter22`, `PASSWORD=hunter22`). */
export function allowsBareValues(family: SyntaxFamily): boolean {
  return (
    family === 'yaml' ||
    family === 'dotenv' ||
    family === 'shell' ||
    family === 'properties' ||
    family === 'ini' ||
    family === 'dockerfile' ||
    family === 'plain'
  );
}

/** Comment openers that end a bare value (`password: abc # note`). */
export function lineCommentStarts(languageId: string): readonly string[] {
  let starts = commentStartsCache.get(languageId);
  if (!starts) {
    const syntax = commentFor(languageId);
    starts = !syntax || syntax.end ? [] : languageId === 'php' ? ['//', '#'] : languageId === 'ini' ? [';', '#'] : [syntax.start];
    commentStartsCache.set(languageId, starts);
  }
  return starts;
}

/** One array per language, so callers can cache per array. */
const commentStartsCache = new Map<string, readonly string[]>();

/** Translation catalogues: their values are words in some language (`password=Passwort`), never credentials. */
const TRANSLATION_DATA = /\.(?:json|ini|ya?ml|properties|po|pot|xliff|xlf|strings|resx|arb|toml|php)$/i;
const TRANSLATION_FOLDER = /(?:^|[\\/])(?:locales?|i18n|l10n|lang|langs|languages|translations?)[\\/]/i;
const TRANSLATION_NAME = /(?:^|[\\/])(?:locale|messages|strings|translations?|lang)[._-][a-z]{2,3}(?:[_-][A-Za-z]{2,4})?\.[a-z]{2,10}$/i;

/** True for a file of a translation catalogue: `locales/de-DE.json`, `conf/locale/locale_sv-SE.ini`, `messages.fr.yml`, `*.po`. */
export function isTranslationFile(fileName: string): boolean {
  if (/\.(?:po|pot|xliff|xlf|arb)$/i.test(fileName)) return true;
  if (!TRANSLATION_DATA.test(fileName)) return false;
  return TRANSLATION_FOLDER.test(fileName) || TRANSLATION_NAME.test(fileName);
}
