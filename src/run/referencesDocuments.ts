import * as vscode from 'vscode';
import { isReferencesFile } from '../references/file';

/**
 * Where references files are: dotenv documents (VS Code's dotenv language covers `.env`,
 * `.env.*` and `*.env`) and `*.env.aws` files, on disk or unsaved. The editing features act on
 * the ones that hold a reference or the header.
 */
export const REFERENCES_SELECTOR: vscode.DocumentSelector = [
  { language: 'dotenv', scheme: 'file' },
  { language: 'dotenv', scheme: 'untitled' },
  { pattern: '**/*.env.aws', scheme: 'file' },
];

/** The name a new references file gets. */
export const DEFAULT_REFERENCES_FILE = '.env.aws';

/** Files offered when a command needs a references file and none is open. */
const REFERENCES_GLOB = '**/{.env.aws,*.env.aws,.env.*.aws}';

export function isReferencesDocument(document: vscode.TextDocument): boolean {
  if (vscode.languages.match(REFERENCES_SELECTOR, document) === 0) return false;
  return isReferencesFile(document) || document.fileName.endsWith('.env.aws') || /=\s*["'`]?arn:[a-z-]+:(secretsmanager|ssm):/.test(document.getText());
}

/** References files in the workspace (the `.env.aws` family), plus open dotenv documents that hold references. */
export async function findReferencesFiles(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(REFERENCES_GLOB, '**/node_modules/**', 200);
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && isReferencesDocument(d)).map((d) => d.uri);
  const byPath = new Map<string, vscode.Uri>();
  for (const uri of [...open, ...found]) byPath.set(uri.toString(), uri);
  return [...byPath.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}
