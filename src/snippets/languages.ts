/**
 * Which generator serves a document: VS Code language ids (and, for files VS Code calls plain text,
 * file names) mapped to snippet languages and quick-fix formats.
 */
import { isEsModule } from './context';
import { scanSource } from './lexer';
import type { SnippetLanguageId } from './types';
import type { ConfigFormat } from './generators/configFiles';

export type DocumentKind = SnippetLanguageId | ConfigFormat;

const BY_LANGUAGE_ID: Record<string, SnippetLanguageId> = {
  typescript: 'typescript',
  typescriptreact: 'typescript',
  python: 'python',
  go: 'go',
  java: 'java',
  csharp: 'csharp',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
  shellscript: 'shell',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  powershell: 'powershell',
  terraform: 'terraform',
  hcl: 'terraform',
};

const BY_EXTENSION: [RegExp, DocumentKind | 'javascript'][] = [
  [/\.(?:[cm]?ts|tsx)$/i, 'typescript'],
  [/\.(?:[cm]?js|jsx)$/i, 'javascript'],
  [/\.pyw?$/i, 'python'],
  [/\.go$/i, 'go'],
  [/\.java$/i, 'java'],
  [/\.cs$/i, 'csharp'],
  [/\.rb$/i, 'ruby'],
  [/\.php$/i, 'php'],
  [/\.rs$/i, 'rust'],
  [/\.(?:sh|bash|zsh)$/i, 'shell'],
  [/\.ps[md]?1$/i, 'powershell'],
  [/\.tfvars$/i, 'tfvars'],
  [/\.tf$/i, 'terraform'],
  [/(?:^|[/\\])\.env(?:\.[\w.-]+)?$|\.env$/i, 'dotenv'],
  [/\.properties$/i, 'properties'],
  [/(?:^|[/\\])(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.dockerfile$/i, 'dockerfile'],
  [/\.ya?ml$/i, 'yaml'],
  [/\.json$/i, 'json'],
];

/** A CloudFormation (or SAM) template: `AWSTemplateFormatVersion`, or `Resources` with `Type: AWS::…`. */
export function isCloudFormationTemplate(text: string): boolean {
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(text)) return true;
  const yaml = /^Resources\s*:/m.test(text) && /\bType\s*:\s*["']?AWS::/.test(text);
  const json = /"Resources"\s*:/.test(text) && /"Type"\s*:\s*"AWS::/.test(text);
  return yaml || json;
}

/** What the document is, or undefined when nothing here knows it. */
export function documentKind(languageId: string, fileName: string | undefined, text: string): DocumentKind | undefined {
  const name = fileName ?? '';
  let kind: DocumentKind | 'javascript' | undefined = BY_LANGUAGE_ID[languageId];
  if (languageId === 'javascript' || languageId === 'javascriptreact') kind = 'javascript';
  if (languageId === 'yaml' || languageId === 'json' || languageId === 'jsonc') kind = languageId;
  if (languageId === 'dotenv') kind = 'dotenv';
  if (languageId === 'properties' || languageId === 'ini' || languageId === 'java-properties') kind = 'properties';
  if (languageId === 'dockerfile') kind = 'dockerfile';
  // File names decide where the language id is generic or wrong for our purpose (.tfvars, .env).
  const byName = BY_EXTENSION.find(([pattern]) => pattern.test(name))?.[1];
  if (byName === 'tfvars' || byName === 'dotenv' || kind === undefined) kind = byName ?? kind;
  if (kind === 'javascript') {
    return isEsModule(fileName, scanSource(text, 'js').code, false) ? 'javascript-esm' : 'javascript-cjs';
  }
  if ((kind === 'yaml' || kind === 'json' || kind === 'jsonc') && isCloudFormationTemplate(text)) return 'cloudformation';
  return kind;
}

export function isSnippetLanguage(kind: DocumentKind | undefined): kind is SnippetLanguageId {
  return kind !== undefined && SNIPPET_LANGUAGE_IDS.includes(kind as SnippetLanguageId);
}

export const SNIPPET_LANGUAGE_IDS: readonly SnippetLanguageId[] = [
  'typescript',
  'javascript-esm',
  'javascript-cjs',
  'python',
  'go',
  'java',
  'csharp',
  'ruby',
  'php',
  'rust',
  'shell',
  'powershell',
  'cloudformation',
  'terraform',
];
