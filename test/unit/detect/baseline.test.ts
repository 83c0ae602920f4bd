// Fingerprints and the baseline file.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { BaselineError, fingerprint, parseBaseline, scan, serializeBaseline } from '../../../src/detect';
import { fake } from './helpers';

describe('fingerprint()', () => {
  const secret = fake.github();
  const finding = { ruleId: 'github-token' };

  it('is a sha256 hex that does not contain the secret', () => {
    const id = fingerprint('src/app.ts', finding, secret);
    assert.match(id, /^[0-9a-f]{64}$/);
    assert.ok(!id.includes(secret));
  });

  it('depends on path, rule and secret but not on separators or a leading ./', () => {
    const id = fingerprint('src/app.ts', finding, secret);
    assert.equal(fingerprint('./src/app.ts', finding, secret), id);
    assert.equal(fingerprint('src\\app.ts', finding, secret), id);
    assert.notEqual(fingerprint('src/other.ts', finding, secret), id);
    assert.notEqual(fingerprint('src/app.ts', { ruleId: 'secret-assignment' }, secret), id);
    assert.notEqual(fingerprint('src/app.ts', finding, fake.github(99)), id);
  });

  it('does not change when the finding moves to another line', () => {
    const before = scan(`t = "${secret}"\n`, { languageId: 'python' })[0];
    const after = scan(`\n\n# moved\nt = "${secret}"\n`, { languageId: 'python' })[0];
    assert.equal(fingerprint('a.py', before, secret), fingerprint('a.py', after, secret));
  });
});

describe('baseline file', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);

  it('serializes sorted, unique, versioned, with a final newline, and parses back', () => {
    const text = serializeBaseline([b, a, b]);
    assert.equal(text, `{\n  "version": 1,\n  "fingerprints": [\n    "${a}",\n    "${b}"\n  ]\n}\n`);
    assert.deepEqual([...parseBaseline(text)], [a, b]);
  });

  it('rejects what is not a baseline, with a reason', () => {
    const bad = ['not json', '[]', '{"version": 2, "fingerprints": []}', '{"version": 1}', '{"version": 1, "fingerprints": ["short"]}'];
    for (const text of bad) assert.throws(() => parseBaseline(text), BaselineError, text);
    assert.throws(() => parseBaseline('{"version": 2, "fingerprints": []}'), /unsupported "version" \(expected 1\)/);
  });

  it('never quotes the file in its reason: a file mistaken for the baseline may hold a secret', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE-wJalrXUtnFEMI';
    const files = [
      `API_KEY=${secret}`,
      `{"version": 1, "fingerprints": [
  "${secret}"
]}`,
      `{"version": "${secret}", "fingerprints": []}`,
      `{"version": 1,
 "fingerprints": ["${a}", ${secret}]}`,
      `{"password": "${secret}"}`,
    ];
    for (const text of files) {
      let reason = '';
      try {
        parseBaseline(text);
      } catch (error) {
        reason = (error as Error).message;
      }
      assert.ok(reason, `refused: ${text}`);
      assert.ok(!reason.includes(secret) && !reason.includes('AKIA') && !reason.includes('API_KEY'), reason);
    }
    assert.throws(() => parseBaseline('API_KEY=x'), /^Error: not valid JSON$|^not valid JSON/);
    assert.throws(() => parseBaseline(`{"version": 1,\n "fingerprints": ["${a}" "${a}"]}`), /not valid JSON( \(at line 2, column \d+\))?$/);
    assert.throws(() => parseBaseline(`{"version": 1, "fingerprints": ["${a}", "short"]}`), /"fingerprints" entry 2 is not a fingerprint/);
  });
});
