// Inline ignore markers: ours and other scanners', on the line or the line above.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { commentFor, IGNORE_MARKER, IGNORE_NEXT_LINE_MARKER, scan } from '../../../src/detect';
import { fake } from './helpers';

const token = fake.github();

describe('ignore markers', () => {
  for (const marker of [IGNORE_MARKER, 'gitleaks:allow', 'pragma: allowlist secret', 'secretlint-disable-line', 'trufflehog:ignore']) {
    it(`"${marker}" on the line silences it`, () => {
      assert.deepEqual(scan(`t = "${token}"  # ${marker}\n`, { languageId: 'python' }), []);
    });
  }
  for (const marker of [IGNORE_NEXT_LINE_MARKER, 'secretlint-disable-next-line', 'pragma: allowlist nextline secret']) {
    it(`"${marker}" silences the next line only`, () => {
      const findings = scan(`// ${marker}\nconst a = "${token}";\nconst b = "${token}";\n`, { languageId: 'javascript' });
      assert.deepEqual(
        findings.map((f) => f.secretRange.startLine),
        [2],
      );
    });
  }

  it('a same-line marker does not reach the next line', () => {
    const findings = scan(`a = "${token}"  # ${IGNORE_MARKER}\nb = "${token}"\n`, { languageId: 'python' });
    assert.deepEqual(
      findings.map((f) => f.secretRange.startLine),
      [1],
    );
  });

  it('a marker after the END line silences a private key block', () => {
    const body = Array.from({ length: 6 }, (_, i) => fake.token(300 + i) + fake.token(400 + i)).join('\n');
    const text = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY----- # ${IGNORE_MARKER}\n`;
    assert.deepEqual(scan(text, { languageId: 'plaintext' }), []);
  });

  it('can be switched off', () => {
    assert.equal(scan(`t = "${token}"  # ${IGNORE_MARKER}\n`, { languageId: 'python', options: { honourIgnoreMarkers: false } }).length, 1);
  });

  it('commentFor gives each language its comment syntax, and none for JSON', () => {
    assert.deepEqual(commentFor('python'), { start: '#', end: '' });
    assert.deepEqual(commentFor('typescript'), { start: '//', end: '' });
    assert.deepEqual(commentFor('xml'), { start: '<!--', end: '-->' });
    assert.deepEqual(commentFor('ini'), { start: ';', end: '' });
    assert.equal(commentFor('json'), undefined);
    for (const languageId of ['yaml', 'dotenv', 'properties', 'terraform', 'dockerfile', 'shellscript', 'ruby'])
      assert.equal(commentFor(languageId)?.start, '#');
    for (const languageId of ['javascript', 'java', 'go', 'csharp', 'php', 'jsonc']) assert.equal(commentFor(languageId)?.start, '//');
  });

  it('a marker written with commentFor() silences the finding in each language', () => {
    const pw = fake.password();
    const samples: [string, string][] = [
      ['python', `password = "${pw}"`],
      ['typescript', `const password = "${pw}";`],
      ['yaml', `password: ${pw}`],
      ['xml', `<password>${pw}</password>`],
      ['ini', `password = ${pw}`],
      ['dockerfile', `ENV PASSWORD=${pw}`],
    ];
    for (const [languageId, line] of samples) {
      const comment = commentFor(languageId)!;
      assert.equal(scan(`${line}\n`, { languageId }).length, 1, languageId);
      const marked = `${comment.start} ${IGNORE_NEXT_LINE_MARKER} ${comment.end}`.trimEnd();
      assert.deepEqual(scan(`${marked}\n${line}\n`, { languageId }), [], languageId);
    }
  });
});
