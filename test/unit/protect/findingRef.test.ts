// A fix's FindingRef must find the same hard-coded values again after the document changed, and
// refuse when the values themselves changed. The findings are the real detector's.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan, type Finding } from '../../../src/detect';
import { findingRef, groupsOf, isFindingRef, resolveRef, valueHash } from '../../../src/protect/findingRef';

/** The in-host stale-lens file: a key pair, a password in a DB URL, a GitHub token (one line of imports above). */
const CREDS = readFileSync(join(__dirname, '..', '..', 'fixtures', 'protect', 'findings', 'creds.py'), 'utf8');

const findings = (text: string) => scan(text, { fileName: 'creds.py' });
const valuesOf = (text: string, group: readonly Finding[]) => group.map((f) => text.slice(f.secretRange.start, f.secretRange.end));

describe('finding refs', () => {
  const groups = groupsOf(findings(CREDS));
  const urlRef = findingRef('file:///creds.py', 1, groups[1], CREDS);

  it('hold positions and keyed hashes, never the value', () => {
    assert.equal(groups.length, 3);
    assert.deepEqual(
      groups.map((g) => g.length),
      [2, 1, 1],
    );
    assert.ok(isFindingRef(urlRef));
    assert.ok(!JSON.stringify(urlRef).includes('Xk9mP2vQr7sLw4Tz'));
    assert.match(urlRef.members[0].hash, /^[0-9a-f]{64}$/);
    assert.equal(urlRef.members[0].hash, valueHash('Xk9mP2vQr7sLw4Tz'));
    // Keyed: a plain SHA-256 of a guess cannot be compared with it.
    assert.notEqual(urlRef.members[0].hash, createHash('sha256').update('Xk9mP2vQr7sLw4Tz').digest('hex'));
  });

  it('resolve to the same group in the same version', () => {
    const resolved = resolveRef(urlRef, findings(CREDS), CREDS, 1);
    assert.ok('group' in resolved);
    assert.deepEqual(valuesOf(CREDS, resolved.group), ['Xk9mP2vQr7sLw4Tz']);
  });

  it('find the URL password again after the key pair above it was rewritten (group ids renumbered)', () => {
    const after = CREDS.replace(
      /^AWS_ACCESS_KEY_ID = .*\nAWS_SECRET_ACCESS_KEY = .*\n/m,
      'import boto3\n\nAWS_ACCESS_KEY_ID = lookup("a")\nAWS_SECRET_ACCESS_KEY = lookup("b")\n',
    );
    const now = findings(after);
    // The positional id the old lens would have used now names the GitHub token.
    assert.deepEqual(
      valuesOf(
        after,
        now.filter((f) => f.groupId === groups[1][0].groupId),
      ),
      ['ghp_UbfnLUA7LgQpgqNYc0aNjEsaYSSpXDi4fD1b'],
    );
    const resolved = resolveRef(urlRef, now, after, 2);
    assert.ok('group' in resolved);
    assert.deepEqual(valuesOf(after, resolved.group), ['Xk9mP2vQr7sLw4Tz']);
  });

  it('refuse when the value changed, in the same or a later version', () => {
    const edited = CREDS.replace('Xk9mP2vQr7sLw4Tz', 'Rw8nQ3xTs6mLv2Yz');
    assert.deepEqual(resolveRef(urlRef, findings(edited), edited, 2), { changed: true });
    // Same version number but other text (a ref from another document state) is refused too.
    assert.deepEqual(resolveRef(urlRef, findings(edited), edited, 1), { changed: true });
  });

  it('take the nearest of two equal values, and the whole group of a pair', () => {
    const twice = `${CREDS}COPY = "postgres://app:Xk9mP2vQr7sLw4Tz@db.internal:5432/app"\n`;
    const shifted = `# a comment\n${twice}`;
    const ref = findingRef('file:///creds.py', 1, groupsOf(findings(twice))[1], twice);
    const resolved = resolveRef(ref, findings(shifted), shifted, 2);
    assert.ok('group' in resolved);
    assert.equal(resolved.group[0].secretRange.startLine, 5, 'the first copy (line 5 of 8 now), not the one on the last line');
    const pair = findingRef('file:///creds.py', 1, groups[0], CREDS);
    const pairResolved = resolveRef(pair, findings(shifted), shifted, 2);
    assert.ok('group' in pairResolved);
    assert.deepEqual(valuesOf(shifted, pairResolved.group), ['AKIA2OGYBAH6QXLV7D4R', 'q8Vx3bN1fT6yK0mR4sW9eZ2uH7jL5pC1aG8dE3iO']);
  });

  it('reject what is not a ref (an old groupId argument, junk from a command link)', () => {
    assert.equal(isFindingRef({ uri: 'file:///x', groupId: 'g1' }), false);
    assert.equal(isFindingRef({ uri: 'file:///x', version: 1, members: [] }), false);
    assert.equal(isFindingRef(undefined), false);
  });
});
