import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonProperties, minifyJson, withStringValue } from '../../../src/operate/jsonValue';
import { displayValue, valueToStore } from '../../../src/operate/valueText';

/** RFC 8259 §13, the spec's own examples of JSON texts. */
const RFC_OBJECT = `{
        "Image": {
            "Width":  800,
            "Height": 600,
            "Title":  "View from 15th Floor",
            "Thumbnail": {
                "Url":    "http://www.example.com/image/481989943",
                "Height": 125,
                "Width":  100
            },
            "Animated" : false,
            "IDs": [116, 943, 234, 38793]
          }
      }`;
const RFC_ARRAY = `[
        {
           "precision": "zip",
           "Latitude":  37.7668,
           "Longitude": -122.3959,
           "Address":   "",
           "City":      "SAN FRANCISCO",
           "State":     "CA",
           "Zip":       "94107",
           "Country":   "US"
        },
        {
           "precision": "zip",
           "Latitude":  37.371991,
           "Longitude": -122.026020,
           "Address":   "",
           "City":      "SUNNYVALE",
           "State":     "CA",
           "Zip":       "94085",
           "Country":   "US"
        }
      ]`;

/** What an untouched document saves: the shown text turned back into a value. */
function untouchedSave(stored: string): string {
  const shown = displayValue({ text: stored });
  const stored2 = valueToStore(shown.text, shown.shape);
  assert.ok('value' in stored2, JSON.stringify(stored2));
  return stored2.value;
}

describe('value documents', () => {
  it('pretty-prints JSON only when it is exactly what JSON.stringify writes, and stores it compactly again', () => {
    assert.deepEqual(displayValue({ text: '{"username":"app","password":"pw"}' }), {
      text: '{\n  "username": "app",\n  "password": "pw"\n}',
      shape: 'json-compact',
    });
    assert.deepEqual(displayValue({ text: '[1,2,{"a":null}]' }), { text: '[\n  1,\n  2,\n  {\n    "a": null\n  }\n]', shape: 'json-compact' });
    assert.deepEqual(displayValue({ text: 'plain value' }), { text: 'plain value', shape: 'text' });
    assert.deepEqual(displayValue({ text: '{broken' }), { text: '{broken', shape: 'text' });
  });

  it('shows JSON with its own formatting exactly as stored, without a warning', () => {
    for (const text of [RFC_OBJECT, '{\n  "a": 1\n}', '{"a":1}\n', '{"a":1}\r\n', '{ "a" : 1 }']) {
      assert.deepEqual(displayValue({ text }), { text, shape: 'json' }, text);
      assert.equal(untouchedSave(text), text);
    }
  });

  it('shows JSON that a JavaScript round trip would change exactly as stored, and says why without quoting it', () => {
    const cases: [string, RegExp][] = [
      ['{"id":123456789012345678901}', /a number JavaScript would change/],
      ['{"id":9007199254740993}', /a number JavaScript would change/],
      ['{"big":1e400}', /a number JavaScript would change/],
      ['{"n":1.0}', /a number JavaScript would change/],
      // The spec's own example: -122.026020 would lose its trailing zero.
      [RFC_ARRAY, /a number JavaScript would change/],
      ['{"user":"a","user":"b"}', /a duplicate key/],
      ['{"name":"caf\\u00e9"}', /escaped characters/],
      ['{"b":1,"1":2}', /keys whose order would change/],
    ];
    for (const [text, why] of cases) {
      const shown = displayValue({ text });
      assert.equal(shown.text, text, text);
      assert.equal(shown.shape, 'json');
      assert.match(shown.asStored ?? '', why, text);
      assert.ok(!shown.asStored?.includes('1234') && !shown.asStored?.includes('caf'), 'never quotes the value');
      assert.equal(untouchedSave(text), text, `an untouched save of ${text} stores it unchanged`);
    }
  });

  it('keeps unicode, CRLF, a trailing newline and a byte order mark exactly', () => {
    for (const text of ['ünïcødé 🔑', 'line one\r\nline two\r\n', 'ends with a newline\n', '\uFEFF{"a":1}', '  spaces  ', '{"k":"ünï 🔑"}']) {
      assert.equal(untouchedSave(text), text, JSON.stringify(text));
    }
    // Stored compactly with raw (unescaped) unicode: JSON.stringify writes it the same way, so it is pretty-printed.
    assert.equal(displayValue({ text: '{"k":"ünï 🔑"}' }).shape, 'json-compact');
  });

  it('shows binary secrets as base64 and refuses to turn them into text', () => {
    assert.deepEqual(displayValue({ binary: new Uint8Array([0, 255, 16]) }), { text: 'AP8Q', shape: 'binary' });
    assert.ok('problem' in valueToStore('AP8Q', 'binary'));
  });

  it('stores an edited pretty-printed value compactly, every token as typed', () => {
    assert.deepEqual(valueToStore('{\n  "username": "app",\n  "password": "new"\n}', 'json-compact'), { value: '{"username":"app","password":"new"}' });
    // A number or an escape typed into a pretty-printed document is stored as typed, not re-serialised.
    assert.deepEqual(valueToStore('{\n  "id": 123456789012345678901,\n  "e": "\\u00e9",\n  "id": 2\n}', 'json-compact'), {
      value: '{"id":123456789012345678901,"e":"\\u00e9","id":2}',
    });
    assert.deepEqual(valueToStore('{\n  "a": 1\n}', 'json'), { value: '{\n  "a": 1\n}' });
    assert.deepEqual(valueToStore('  spaces and\r\nCRLF kept  ', 'text'), { value: '  spaces and\r\nCRLF kept  ' });
  });

  it('refuses JSON that no longer parses, naming the place but never the text', () => {
    const result = valueToStore('{\n  "password": hunter2-secret\n}', 'json-compact');
    assert.ok('problem' in result);
    assert.match(result.problem, /no longer valid JSON: .* at line 2, column 15\. Fix it and save again; your text is kept\./);
    assert.ok(!result.problem.includes('hunter2'));
    assert.ok('problem' in valueToStore('{"a": 1,}', 'json-compact'));
    assert.ok('problem' in valueToStore('{"a": 1} // note', 'json'));
  });
});

describe('JSON by its text', () => {
  it('minifies without touching any token', () => {
    assert.equal(minifyJson(RFC_OBJECT), JSON.stringify(JSON.parse(RFC_OBJECT)));
    assert.equal(minifyJson('{ "n" : 1e400 ,\r\n "s" : "a b\\u00e9" }'), '{"n":1e400,"s":"a b\\u00e9"}');
  });

  it('lists top-level properties with their values as applications read them, duplicates marked', () => {
    const text = '{"id": 123456789012345678901, "name": "caf\\u00e9", "user": "a", "user": "b", "nested": {"x": [1, 2]}, "on": true, "none": null}';
    assert.deepEqual(
      jsonProperties(text)?.map((p) => [p.key, p.text, p.kind, p.duplicate ? `${p.duplicate.index}/${p.duplicate.of}` : '']),
      [
        ['id', '123456789012345678901', 'number', ''],
        ['name', 'café', 'string', ''],
        ['user', 'a', 'string', '1/2'],
        ['user', 'b', 'string', '2/2'],
        ['nested', '{"x": [1, 2]}', 'object', ''],
        ['on', 'true', 'boolean', ''],
        ['none', 'null', 'null', ''],
      ],
    );
    assert.equal(jsonProperties('[1, 2]'), undefined);
    assert.equal(jsonProperties('not json'), undefined);
    assert.equal(jsonProperties('{"a": 1,}'), undefined);
  });

  it('replaces one string value and leaves every other byte as it was', () => {
    const text = '{\r\n  "id": 123456789012345678901,\r\n  "password": "old",\r\n  "e": "\\u00e9"\r\n}\n';
    assert.equal(withStringValue(text, 'password', 'n"ew'), '{\r\n  "id": 123456789012345678901,\r\n  "password": "n\\"ew",\r\n  "e": "\\u00e9"\r\n}\n');
    // With a duplicate key, the last one (the one JSON.parse reads) is replaced.
    assert.equal(withStringValue('{"p":"a","p":"b"}', 'p', 'c'), '{"p":"a","p":"c"}');
    assert.equal(withStringValue('{"p":"a"}', 'missing', 'c'), undefined);
  });
});
