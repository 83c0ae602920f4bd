// Fingerprints and the baseline file: version 2 fingerprints give nothing of the value
// away, stay put when code moves, and old (version 1) baselines keep working.

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { BaselineError, fingerprintFindings, matchBaseline, parseBaseline, scan, serializeBaseline } from '../../../src/detect';
import { legacyFingerprint } from '../../../src/detect/fingerprint';
import { fake } from './helpers';

const findingsOf = (text: string) => scan(text, { languageId: 'python' });

describe('fingerprints (version 2)', () => {
  const secret = fake.github();

  it('are sha256 hex derived from the location and the name, not from the value', () => {
    const [a] = fingerprintFindings('src/app.py', findingsOf(`TOKEN = "${secret}"\n`));
    const [b] = fingerprintFindings('src/app.py', findingsOf(`TOKEN = "${fake.github(99)}"\n`));
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(a, b, 'another value at the same place: the same fingerprint');
  });

  it('let nobody test guesses of a short password: no guess, not even the right one, reproduces it', () => {
    // The attack on version 1: hash each candidate with the known prefix, path and rule until one matches.
    const password = 'Dragon#2024';
    const [id] = fingerprintFindings('config.py', findingsOf(`DB_PASSWORD = "${password}"\n`));
    for (const guess of ['dragon', 'Dragon#2023', password]) {
      const v1 = createHash('sha256').update(`aws-secrets-lens/1\u0000config.py\u0000password-assignment\u0000${guess}`).digest('hex');
      const v2 = createHash('sha256').update(`aws-secrets-lens/2\u0000config.py\u0000password-assignment\u0000DB_PASSWORD\u0000${guess}`).digest('hex');
      assert.notEqual(v1, id);
      assert.notEqual(v2, id);
    }
  });

  it('do not change when the finding moves, nor with separators or a leading ./', () => {
    const before = fingerprintFindings('a.py', findingsOf(`t = "${secret}"\n`));
    const after = fingerprintFindings('a.py', findingsOf(`\n\n# moved\nimport os\nt = "${secret}"\n`));
    assert.deepEqual(after, before);
    assert.deepEqual(fingerprintFindings('./a.py', findingsOf(`t = "${secret}"\n`)), before);
    assert.notDeepEqual(fingerprintFindings('b.py', findingsOf(`t = "${secret}"\n`)), before);
  });

  it('tell apart two findings under the same name by their order in the file', () => {
    const ids = fingerprintFindings('a.py', findingsOf(`TOKEN = "${secret}"\nTOKEN = "${fake.github(5)}"\nOTHER = "${fake.github(6)}"\n`));
    assert.equal(new Set(ids).size, 3);
  });
});

describe('baseline file', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);

  it('serializes version 2, sorted, unique, with a final newline, and parses back', () => {
    const text = serializeBaseline([b, a, b]);
    assert.equal(text, `{\n  "version": 2,\n  "fingerprints": [\n    "${a}",\n    "${b}"\n  ]\n}\n`);
    assert.deepEqual([...parseBaseline(text).fingerprints], [a, b]);
    assert.deepEqual(JSON.parse(serializeBaseline([a], [b])).legacy, [b]);
  });

  it('reads a version 1 baseline as legacy entries, still matched by value', () => {
    const secret = fake.github(7);
    const text = `TOKEN = "${secret}"\nOTHER = "${fake.github(8)}"\n`;
    const findings = findingsOf(text);
    const old = legacyFingerprint('app.py', 'github-token', secret);
    const baseline = parseBaseline(JSON.stringify({ version: 1, fingerprints: [old] }));
    assert.equal(baseline.fingerprints.size, 0);
    assert.deepEqual([...baseline.legacy], [old]);
    const match = matchBaseline(baseline, 'app.py', findings, (f) => text.slice(f.secretRange.start, f.secretRange.end));
    assert.deepEqual(match.accepted, [true, false]);
    assert.deepEqual([...match.legacyMatched], [old]);
  });

  it('rejects what is not a baseline, with a reason', () => {
    const bad = [
      'not json',
      '[]',
      '{"version": 3, "fingerprints": []}',
      '{"version": 1}',
      '{"version": 2, "fingerprints": ["short"]}',
      '{"version": 2, "fingerprints": [], "legacy": {}}',
    ];
    for (const text of bad) assert.throws(() => parseBaseline(text), BaselineError, text);
    assert.throws(() => parseBaseline('{"version": 3, "fingerprints": []}'), /unsupported "version" \(expected 1 or 2\)/);
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
