import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayValue, valueToStore } from '../../../src/operate/valueText';

describe('value documents', () => {
  it('pretty-prints JSON for reading and remembers that it was stored compactly', () => {
    assert.deepEqual(displayValue({ text: '{"username":"app","password":"pw"}' }), {
      text: '{\n  "username": "app",\n  "password": "pw"\n}',
      shape: 'json-compact',
    });
    assert.equal(displayValue({ text: '{\n  "a": 1\n}' }).shape, 'json-pretty');
    assert.deepEqual(displayValue({ text: 'plain value' }), { text: 'plain value', shape: 'text' });
    assert.deepEqual(displayValue({ text: '{broken' }), { text: '{broken', shape: 'text' });
  });

  it('shows binary secrets as base64', () => {
    assert.deepEqual(displayValue({ binary: new Uint8Array([0, 255, 16]) }), { text: 'AP8Q', shape: 'binary' });
  });

  it('stores an edited compact JSON secret compactly again, and text exactly as typed', () => {
    assert.deepEqual(valueToStore('{\n  "username": "app",\n  "password": "new"\n}', 'json-compact'), { value: '{"username":"app","password":"new"}' });
    assert.deepEqual(valueToStore('{\n  "a": 1\n}', 'json-pretty'), { value: '{\n  "a": 1\n}' });
    assert.deepEqual(valueToStore('  spaces and\r\nCRLF kept  ', 'text'), { value: '  spaces and\r\nCRLF kept  ' });
    assert.deepEqual(valueToStore('ünïcødé 🔑', 'text'), { value: 'ünïcødé 🔑' });
  });

  it('refuses JSON that no longer parses, naming the place but never the text', () => {
    const result = valueToStore('{\n  "password": hunter2-secret\n}', 'json-compact');
    assert.ok('problem' in result);
    assert.match(result.problem, /no longer valid JSON: .* at line 2, column 15\. Fix it and save again; your text is kept\./);
    assert.ok(!result.problem.includes('hunter2'));
    assert.ok('problem' in valueToStore('{"a": 1,}', 'json-compact'));
  });

  it('refuses to turn a binary secret into text', () => {
    assert.ok('problem' in valueToStore('AP8Q', 'binary'));
  });
});
