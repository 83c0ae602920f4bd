/**
 * What a copy did, item by item, in words: for the notification at the end, and for the
 * report document (Markdown) it offers. Names, actions and error messages only — the AWS
 * layer's messages never hold a value.
 */
import { describeEnvironment, type Environment } from './environment';
import type { PlannedCopy } from './plan';

export type CopyOutcome = 'created' | 'overwritten' | 'left' | 'notCopied' | 'failed' | 'cancelled';

export interface CopyResult {
  readonly planned: PlannedCopy;
  readonly outcome: CopyOutcome;
  /** Why it failed or was not copied. */
  readonly message?: string;
}

const OUTCOME_WORDS: Record<CopyOutcome, { done: string; dry: string }> = {
  created: { done: 'created', dry: 'would be created' },
  overwritten: { done: 'overwritten (new version)', dry: 'would be overwritten (new version)' },
  left: { done: 'left alone', dry: 'would be left alone' },
  notCopied: { done: 'not copied', dry: 'could not be copied' },
  failed: { done: 'failed', dry: 'failed' },
  cancelled: { done: 'not attempted (cancelled)', dry: 'not attempted (cancelled)' },
};

const ORDER: readonly CopyOutcome[] = ['created', 'overwritten', 'left', 'notCopied', 'failed', 'cancelled'];

/** "28 created, 1 overwritten (new version), 1 failed" */
export function copySummary(results: readonly CopyResult[], dryRun = false): string {
  return ORDER.map((outcome) => [outcome, results.filter((r) => r.outcome === outcome).length] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${dryRun ? OUTCOME_WORDS[outcome].dry : OUTCOME_WORDS[outcome].done}`)
    .join(', ');
}

export function copyReport(
  results: readonly CopyResult[],
  from: Environment,
  to: Environment,
  details: { dryRun: boolean; kms: string; tags: boolean },
): string {
  const lines = [
    `# ${details.dryRun ? 'Dry run: copy' : 'Copy'} from ${describeEnvironment(from)}`,
    '',
    `To: ${describeEnvironment(to)}`,
    '',
    `KMS key for new items: ${details.kms}. Tags: ${details.tags ? 'carried over' : 'not copied'}.${details.dryRun ? ' Nothing was sent.' : ''}`,
    '',
    `**${copySummary(results, details.dryRun)}**`,
    '',
    '| Item | Target | Result | Details |',
    '| --- | --- | --- | --- |',
  ];
  for (const result of [...results].sort((a, b) => ORDER.indexOf(b.outcome) - ORDER.indexOf(a.outcome))) {
    const words = details.dryRun ? OUTCOME_WORDS[result.outcome].dry : OUTCOME_WORDS[result.outcome].done;
    lines.push(
      `| ${cell(result.planned.source.name)} | ${cell(result.planned.targetName)} | ${words} | ${cell(result.message ?? result.planned.reason ?? '')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
