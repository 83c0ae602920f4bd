import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Environment } from '../../../src/compare/environment';
import { createHasher } from '../../../src/compare/fingerprint';
import type { PlannedCopy } from '../../../src/compare/plan';
import { copyReport, copySummary, type CopyResult } from '../../../src/compare/report';

const hash = createHasher();
const from: Environment = { profile: 'demo', region: 'us-east-1', service: 'secretsmanager', prefix: 'staging/' };
const to: Environment = { ...from, prefix: 'prod/' };
const planned = (relative: string, action: PlannedCopy['action']): PlannedCopy => ({
  source: { name: `staging/${relative}`, relative, fingerprint: hash({ text: 'v' }) },
  targetName: `prod/${relative}`,
  action,
});

describe('copy reports', () => {
  const results: CopyResult[] = [
    { planned: planned('a', 'create'), outcome: 'created' },
    { planned: planned('b', 'create'), outcome: 'created' },
    { planned: planned('c', 'overwrite'), outcome: 'overwritten' },
    { planned: planned('d', 'create'), outcome: 'failed', message: 'Access denied to secretsmanager:CreateSecret on prod/d | try again' },
  ];

  it('sums up what happened, and what would happen in a dry run', () => {
    assert.equal(copySummary(results), '2 created, 1 overwritten (new version), 1 failed');
    assert.equal(copySummary(results.slice(0, 3), true), '2 would be created, 1 would be overwritten (new version)');
  });

  it('lists every item with its target and result, failures first, as a Markdown table', () => {
    const text = copyReport(results, from, to, { dryRun: false, kms: 'alias/prod', tags: true });
    const rows = text.split('\n').filter((line) => line.startsWith('| staging/'));
    assert.equal(rows.length, 4);
    assert.match(rows[0]!, /^\| staging\/d \| prod\/d \| failed \| Access denied .* \\\| try again \|$/);
    assert.match(text, /KMS key for new items: alias\/prod\. Tags: carried over\./);
  });
});
