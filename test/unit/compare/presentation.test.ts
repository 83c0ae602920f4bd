import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSnapshots } from '../../../src/compare/compare';
import type { Environment } from '../../../src/compare/environment';
import type { ItemFacts } from '../../../src/compare/facts';
import { createHasher } from '../../../src/compare/fingerprint';
import { comparisonChildren, presentComparisonNode, type ComparisonNode } from '../../../src/compare/presentation';

const hash = createHasher();
const A: Environment = { profile: 'demo', region: 'us-east-1', service: 'secretsmanager', prefix: 'staging/' };
const B: Environment = { ...A, prefix: 'prod/' };
const item = (env: Environment, relative: string, text: string): ItemFacts => ({ name: env.prefix + relative, relative, fingerprint: hash({ text }) });

const comparison = compareSnapshots(
  {
    environment: A,
    items: [item(A, 'config', '{"retryLimit":"3","apiKey":"Zq-staging-key"}'), item(A, 'feature-key', 'Zq-feature'), item(A, 'same', 'Zq-same')],
    unreadable: [{ name: 'staging/locked', relative: 'locked', reason: 'access denied' }],
  },
  { environment: B, items: [item(B, 'config', '{"apiKey":"Zq-prod-key"}'), item(B, 'same', 'Zq-same'), item(B, 'legacy', 'Zq-old')], unreadable: [] },
);

function walk(node?: ComparisonNode): { label: string; text: string; contextValue: string }[] {
  return comparisonChildren(comparison, node).flatMap((child) => {
    const p = presentComparisonNode(comparison, child);
    const text = [p.label, p.description ?? '', ...(p.tooltip?.rows.flat() ?? [])].join(' ');
    return [{ label: p.label, text, contextValue: p.contextValue }, ...walk(child)];
  });
}

describe('the comparison view', () => {
  it('shows the groups that have entries, in order, with A and B named by what tells them apart', () => {
    assert.deepEqual(
      comparisonChildren(comparison).map((n) => presentComparisonNode(comparison, n).label),
      ['Only in A: staging/', 'Only in B: prod/', 'Different', 'Equal', 'Not compared'],
    );
  });

  it('says under a JSON entry which key is missing and which differs, and shows no value anywhere', () => {
    const all = walk();
    assert.ok(all.some((n) => n.label === 'key “retryLimit” only in staging/; key “apiKey” differs'));
    assert.deepEqual(
      all.filter((n) => /Zq-/.test(n.text)),
      [],
    );
  });

  it('offers a copy only where there is something to copy, and a diff only where both sides exist', () => {
    const entries = Object.fromEntries(
      walk()
        .filter((n) => n.contextValue.startsWith('comparisonEntry'))
        .map((n) => [n.label, n.contextValue]),
    );
    assert.equal(entries['feature-key'], 'comparisonEntry onlyA copyAB');
    assert.equal(entries['legacy'], 'comparisonEntry onlyB copyBA');
    assert.equal(entries['config'], 'comparisonEntry different copyAB copyBA both');
    assert.equal(entries['same'], 'comparisonEntry equal both');
  });
});
