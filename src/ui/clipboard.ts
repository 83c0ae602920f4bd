import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

/** Pending clears: timer → hash of the value it will clear. */
const pending = new Map<ReturnType<typeof setTimeout>, string>();
/** Resolves when every clear scheduled so far has run (for the extension's own tests). */
let settled: Promise<void> = Promise.resolve();

/**
 * Copies a value and clears the clipboard after `clearAfterSeconds` (0 = never) if it still
 * holds that value. Only a hash is kept for the comparison, so the value itself is not held
 * in memory while waiting.
 */
export async function copySensitive(value: string, clearAfterSeconds: number): Promise<void> {
  await vscode.env.clipboard.writeText(value);
  if (clearAfterSeconds <= 0) return;
  const digest = sha256(value);
  let done: () => void = () => undefined;
  const cleared = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(() => {
    pending.delete(timer);
    void clearIfHolding(new Set([digest])).finally(done);
  }, clearAfterSeconds * 1000);
  pending.set(timer, digest);
  settled = Promise.all([settled, cleared]).then(() => undefined);
}

/** Resolves once every clear scheduled so far has run. */
export function clipboardClearsSettled(): Promise<void> {
  return settled;
}

/** On shutdown, clears now what would have been cleared later. */
export async function flushClipboardClears(): Promise<void> {
  if (pending.size === 0) return;
  const digests = new Set(pending.values());
  for (const timer of pending.keys()) clearTimeout(timer);
  pending.clear();
  await clearIfHolding(digests);
}

/** Something else may have been copied since; only clear what we put there. */
async function clearIfHolding(digests: Set<string>): Promise<void> {
  if (digests.has(sha256(await vscode.env.clipboard.readText()))) await vscode.env.clipboard.writeText('');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
