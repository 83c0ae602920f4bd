import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, createHasher, sameValue } from '../../../src/compare/fingerprint';

describe('fingerprints', () => {
  const hash = createHasher();

  it('never holds the value: only keyed hashes, the shape and the size', () => {
    const print = hash({ text: '{"password":"correct-horse-battery"}' });
    const serialized = JSON.stringify(print);
    assert.ok(!serialized.includes('correct-horse-battery'));
    assert.deepEqual(Object.keys(print.keys ?? {}), ['password'], 'key names are kept');
    assert.equal(print.shape, 'json');
    assert.equal(print.bytes, 36);
  });

  it('gives different hashes in different comparisons (each hasher has its own random key)', () => {
    assert.notEqual(createHasher()({ text: 'same' }).hash, createHasher()({ text: 'same' }).hash);
    assert.equal(hash({ text: 'same' }).hash, hash({ text: 'same' }).hash);
  });

  it('treats JSON objects that differ only in whitespace and key order as the same content (RFC 8259: both are insignificant)', () => {
    const compact = hash({ text: '{"user":"app","port":5432}' });
    const pretty = hash({ text: '{\n  "port": 5432,\n  "user": "app"\n}' });
    assert.equal(sameValue(compact, pretty), 'sameContent');
    assert.equal(sameValue(compact, hash({ text: '{"user":"app","port":5432}' })), 'identical');
    assert.equal(sameValue(compact, hash({ text: '{"user":"app","port":5433}' })), false);
  });

  it('hashes each top-level key of a JSON object, so changed keys can be named', () => {
    const a = hash({ text: '{"user":"app","password":"one","nested":{"b":1,"a":2}}' });
    const b = hash({ text: '{"user":"app","password":"two","nested":{"a":2,"b":1}}' });
    assert.equal(a.keys?.['user'], b.keys?.['user']);
    assert.notEqual(a.keys?.['password'], b.keys?.['password']);
    assert.equal(a.keys?.['nested'], b.keys?.['nested']);
  });

  it('keeps text, JSON arrays and binary apart', () => {
    assert.equal(hash({ text: 'plain' }).shape, 'text');
    assert.equal(hash({ text: '[1,2]' }).shape, 'text');
    const binary = hash({ binary: new Uint8Array([1, 2, 3]) });
    assert.equal(binary.shape, 'binary');
    assert.equal(binary.bytes, 3);
    assert.equal(sameValue(binary, hash({ text: '\u0001\u0002\u0003' })), false);
  });

  it('writes canonical JSON with sorted keys at every level', () => {
    assert.equal(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' }), '{"a":"x","b":[1,{"c":2,"d":1}]}');
  });
});
