import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSnapshots, describeDifference, summarizeDifferences, type Comparison } from '../../../src/compare/compare';
import type { Environment } from '../../../src/compare/environment';
import type { ItemFacts, Snapshot } from '../../../src/compare/facts';
import { createHasher } from '../../../src/compare/fingerprint';

const hash = createHasher();
const A: Environment = { profile: 'demo', region: 'us-east-1', service: 'secretsmanager', prefix: 'staging/' };
const B: Environment = { ...A, prefix: 'prod/' };

function item(env: Environment, relative: string, text: string, extra: Partial<ItemFacts> = {}): ItemFacts {
  return { name: env.prefix + relative, relative, fingerprint: hash({ text }), ...extra };
}

function snapshot(environment: Environment, items: ItemFacts[], unreadable: Snapshot['unreadable'] = []): Snapshot {
  return { environment, items, unreadable };
}

const states = (c: Comparison) => Object.fromEntries(c.entries.map((e) => [e.relative, e.state]));

describe('comparing two environments', () => {
  it('sorts every name into only in A, only in B, different, same value with other metadata, and equal', () => {
    const c = compareSnapshots(
      snapshot(A, [
        item(A, 'db', 'one'),
        item(A, 'api-key', 'same'),
        item(A, 'feature-key', 'new'),
        item(A, 'partner', 'p', { tags: [{ key: 'env', value: 'staging' }] }),
      ]),
      snapshot(B, [
        item(B, 'db', 'two'),
        item(B, 'api-key', 'same'),
        item(B, 'legacy', 'old'),
        item(B, 'partner', 'p', { tags: [{ key: 'env', value: 'prod' }] }),
      ]),
    );
    assert.deepEqual(states(c), { 'api-key': 'equal', db: 'different', 'feature-key': 'onlyA', legacy: 'onlyB', partner: 'metadata' });
    assert.deepEqual(
      c.entries.map((e) => e.relative),
      ['api-key', 'db', 'feature-key', 'legacy', 'partner'],
    );
  });

  it('names the JSON keys that are missing on a side or differ, never their values', () => {
    const c = compareSnapshots(
      snapshot(A, [item(A, 'config', '{"currency":"USD","timeoutMs":3000,"retryLimit":3,"apiKey":"k-staging"}')]),
      snapshot(B, [item(B, 'config', '{"currency":"USD","timeoutMs":3000,"apiKey":"k-prod","region":"us"}')]),
    );
    const [entry] = c.entries;
    assert.equal(entry?.state, 'different');
    assert.deepEqual(entry?.differences, [{ kind: 'jsonKeys', onlyA: ['retryLimit'], onlyB: ['region'], changed: ['apiKey'] }]);
    const text = describeDifference(entry!.differences[0]!, { a: 'staging/', b: 'prod/' });
    assert.equal(text, 'key “retryLimit” only in staging/; key “region” only in prod/; key “apiKey” differs');
    assert.ok(!/k-staging|k-prod|USD|3000/.test(text));
    assert.equal(summarizeDifferences(entry!.differences), 'differs: JSON keys, 1 JSON value');
  });

  it('counts the same JSON written differently as the same value, noting the formatting', () => {
    const c = compareSnapshots(snapshot(A, [item(A, 'c', '{"a":1,"b":2}')]), snapshot(B, [item(B, 'c', '{ "b": 2, "a": 1 }')]));
    assert.equal(c.entries[0]?.state, 'metadata');
    assert.deepEqual(c.entries[0]?.differences, [{ kind: 'format' }]);
  });

  it('lists parameter types and KMS keys that differ; a type difference makes the entry different', () => {
    const P: Environment = { profile: 'demo', region: 'us-east-1', service: 'ssm', prefix: '/app/staging/' };
    const Q: Environment = { ...P, prefix: '/app/prod/' };
    const c = compareSnapshots(
      snapshot(P, [item(P, 'token', 'v', { parameterType: 'SecureString', kmsKeyId: 'alias/app-config' }), item(P, 'url', 'v', { parameterType: 'String' })]),
      snapshot(Q, [
        item(Q, 'token', 'v', { parameterType: 'SecureString', kmsKeyId: 'alias/aws/ssm' }),
        item(Q, 'url', 'v', { parameterType: 'SecureString' }),
      ]),
    );
    assert.deepEqual(states(c), { token: 'metadata', url: 'different' });
    assert.deepEqual(c.entries[0]?.differences, [{ kind: 'kms', a: 'alias/app-config', b: 'alias/aws/ssm' }]);
    assert.deepEqual(c.entries[1]?.differences, [{ kind: 'type', a: 'String', b: 'SecureString' }]);
  });

  it('treats an unset KMS key as the AWS managed key, and an alias ARN as its alias', () => {
    const east: Environment = { ...A, prefix: 'prod/' };
    const west: Environment = { ...east, region: 'eu-west-1' };
    const c = compareSnapshots(
      snapshot(east, [item(east, 'a', 'v'), item(east, 'b', 'v', { kmsKeyId: 'alias/shared' })]),
      snapshot(west, [
        item(west, 'a', 'v', { kmsKeyId: 'alias/aws/secretsmanager' }),
        item(west, 'b', 'v', { kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/shared' }),
      ]),
    );
    assert.deepEqual(states(c), { a: 'equal', b: 'equal' });
  });

  it('leaves tags AWS sets itself out, and does not compare tags that were not read', () => {
    const c = compareSnapshots(
      snapshot(A, [item(A, 'x', 'v', { tags: [{ key: 'aws:cloudformation:stack-name', value: 's1' }] }), item(A, 'y', 'v')]),
      snapshot(B, [
        item(B, 'x', 'v', { tags: [{ key: 'aws:cloudformation:stack-name', value: 's2' }] }),
        item(B, 'y', 'v', { tags: [{ key: 'team', value: 't' }] }),
      ]),
    );
    assert.deepEqual(states(c), { x: 'equal', y: 'equal' });
  });

  it('keeps items one side could not read out of "only in", and lists them as not compared', () => {
    const c = compareSnapshots(snapshot(A, [item(A, 'locked', 'v')]), snapshot(B, [], [{ name: 'prod/locked', relative: 'locked', reason: 'access denied' }]));
    assert.deepEqual(c.entries, []);
    assert.deepEqual(c.unreadable, [{ name: 'prod/locked', relative: 'locked', reason: 'access denied', side: 'b' }]);
  });

  it('compares a secret with a parameter by value, without comparing types or keys', () => {
    const P: Environment = { profile: 'demo', region: 'us-east-1', service: 'ssm', prefix: '/app/prod/' };
    const c = compareSnapshots(
      snapshot(B, [item(B, 'db', 'v', { kmsKeyId: 'alias/x' })]),
      snapshot(P, [item(P, 'db', 'v', { parameterType: 'SecureString' })]),
    );
    assert.deepEqual(states(c), { db: 'equal' });
  });
});
