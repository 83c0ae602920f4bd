import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { folderLevel } from '../../../src/tree/folders';

const names = (list: string[]) => list.map((name) => ({ name }));
const level = (list: string[], prefix: string) => {
  const l = folderLevel(names(list), (x) => x.name, prefix);
  return { folders: l.folders, items: l.items.map((i) => [i.item.name, i.label]) };
};

describe('folder grouping', () => {
  it('groups Secrets Manager names by their first segment, folders before items', () => {
    const top = level(['prod/payments/db', 'prod/api-key', 'staging/db', 'standalone', 'Another'], '');
    assert.deepEqual(top.folders, [
      { prefix: 'prod/', label: 'prod' },
      { prefix: 'staging/', label: 'staging' },
    ]);
    assert.deepEqual(top.items, [
      ['Another', 'Another'],
      ['standalone', 'standalone'],
    ]);
  });

  it('descends one level at a time with short labels', () => {
    const prod = level(['prod/payments/db', 'prod/payments/stripe', 'prod/api-key'], 'prod/');
    assert.deepEqual(prod.folders, [{ prefix: 'prod/payments/', label: 'payments' }]);
    assert.deepEqual(prod.items, [['prod/api-key', 'api-key']]);
    assert.deepEqual(level(['prod/payments/db', 'prod/payments/stripe'], 'prod/payments/').items, [
      ['prod/payments/db', 'db'],
      ['prod/payments/stripe', 'stripe'],
    ]);
  });

  it('treats the leading slash of Parameter Store paths as part of the folder', () => {
    const root = level(['/app/prod/db/password', '/app/staging/url', '/shared/region', 'plain'], '');
    assert.deepEqual(root.folders, [
      { prefix: '/app/', label: 'app' },
      { prefix: '/shared/', label: 'shared' },
    ]);
    assert.deepEqual(root.items, [['plain', 'plain']]);
    assert.deepEqual(level(['/app/prod/db/password'], '/app/prod/db/').items, [['/app/prod/db/password', 'password']]);
  });

  it('keeps odd names visible rather than losing them', () => {
    const top = level(['a//b', 'trailing/'], '');
    assert.deepEqual(top.folders, [
      { prefix: 'a/', label: 'a' },
      { prefix: 'trailing/', label: 'trailing' },
    ]);
    assert.deepEqual(level(['trailing/'], 'trailing/').items, [['trailing/', 'trailing/']]);
    assert.deepEqual(level(['a//b'], 'a/').items.length + level(['a//b'], 'a/').folders.length, 1);
  });

  it('sorts labels naturally and case-insensitively', () => {
    assert.deepEqual(
      level(['key10', 'key2', 'Key1'], '').items.map((i) => i[1]),
      ['Key1', 'key2', 'key10'],
    );
  });
});
