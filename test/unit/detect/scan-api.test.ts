// The shape of scan()'s findings, its options, and the promise that a Finding
// never carries the secret itself.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compileCustomPattern, mask, scan } from '../../../src/detect';
import { fake } from './helpers';

describe('scan() findings', () => {
  const token = fake.github();
  const text = `import os\n\nAPI_TOKEN = "${token}"  # for the nightly job\n`;
  const [finding] = scan(text, { fileName: 'jobs/nightly.py' });

  it('carry offsets and line/character positions for the secret and the literal', () => {
    const column = text.split('\n')[2].indexOf(token);
    assert.deepEqual(finding.secretRange, {
      start: text.indexOf(token),
      end: text.indexOf(token) + token.length,
      startLine: 2,
      startCharacter: column,
      endLine: 2,
      endCharacter: column + token.length,
    });
    assert.equal(text.slice(finding.replaceRange.start, finding.replaceRange.end), `"${token}"`);
    assert.equal(finding.replaceRange.startCharacter, column - 1);
  });

  it('carry rule, kind, description, severity, confidence, quote, name and group', () => {
    assert.equal(finding.ruleId, 'github-token');
    assert.equal(finding.kind, 'GitHub token');
    assert.equal(finding.description, 'Hard-coded GitHub token assigned to API_TOKEN.');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.confidence, 'high');
    assert.equal(finding.quote, '"');
    assert.equal(finding.name, 'API_TOKEN');
    assert.match(finding.groupId, /^g\d+$/);
  });

  it('never contain the secret text', () => {
    const pw = fake.password();
    const source = `password = "${pw}"\nDB_URL = "postgres://app:${pw}@db/app"\nKEY = "${token}"\n`;
    const findings = scan(source, { languageId: 'python' });
    assert.equal(findings.length, 3);
    const serialized = JSON.stringify(findings);
    assert.ok(!serialized.includes(pw) && !serialized.includes(token));
  });

  it('bare values have no quote and a replace range equal to the value', () => {
    const pw = fake.password();
    const [bare] = scan(`db:\n  password: ${pw}\n`, { languageId: 'yaml' });
    assert.equal(bare.quote, '');
    assert.deepEqual(bare.replaceRange, bare.secretRange);
  });

  it('uses languageId before the file name, and the file name when no id is given', () => {
    const pw = fake.password();
    const source = `PASSWORD=${pw}\n`;
    assert.equal(scan(source, { fileName: '.env' }).length, 1);
    assert.equal(scan(source, { fileName: '.env', languageId: 'python' }).length, 0, 'bare values are not literals in Python');
  });
});

describe('scan() options', () => {
  const source = `GH = "${fake.github()}"\npassword = "${fake.password()}"\n`;

  it('disabledRules turns rules off', () => {
    assert.deepEqual(
      scan(source, { languageId: 'python' }).map((f) => f.ruleId),
      ['github-token', 'password-assignment'],
    );
    assert.deepEqual(
      scan(source, { languageId: 'python', options: { disabledRules: ['github-token'] } }).map((f) => f.ruleId),
      ['password-assignment'],
    );
  });

  it('customPatterns add rules; capture group 1 is the secret', () => {
    const text = 'internal = "acme_live_Zx81kQ2mP0aa"\n';
    const findings = scan(text, {
      languageId: 'python',
      options: { customPatterns: [{ id: 'acme', pattern: 'acme_live_([A-Za-z0-9]{12})', description: 'ACME live key' }] },
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'custom:acme');
    assert.equal(findings[0].description, 'ACME live key');
    assert.equal(text.slice(findings[0].secretRange.start, findings[0].secretRange.end), 'Zx81kQ2mP0aa');
  });

  it('refuses custom patterns that could backtrack for ever, are too long or do not compile', () => {
    assert.equal(compileCustomPattern({ id: 'a', pattern: '(a+)+$', description: '' }).ok, false);
    assert.equal(compileCustomPattern({ id: 'b', pattern: '(\\w*)*x', description: '' }).ok, false);
    assert.equal(compileCustomPattern({ id: 'c', pattern: 'x'.repeat(600), description: '' }).ok, false);
    assert.equal(compileCustomPattern({ id: 'd', pattern: '([a-z]', description: '' }).ok, false);
    assert.equal(compileCustomPattern({ id: 'e', pattern: 'acme_[a-z]{8}', description: '' }).ok, true);
    // A refused pattern is skipped, not thrown.
    assert.deepEqual(scan(`${'a'.repeat(40)}!\n`, { options: { customPatterns: [{ id: 'a', pattern: '(a+)+$', description: '' }] } }), []);
  });

  it('lines over 4,000 characters only get the prefix rules (minified files)', () => {
    const pw = fake.password();
    const long = `var a="${'x'.repeat(5000)}";var password="${pw}";var t="${fake.github()}";\n`;
    assert.deepEqual(
      scan(long, { languageId: 'javascript' }).map((f) => f.ruleId),
      ['github-token'],
    );
  });
});

describe('mask()', () => {
  it('shows a few leading characters and the length, fewer for short values', () => {
    assert.equal(mask(fake.awsKeyId()), 'AKIA\u2026(20 chars)');
    // Under 16 characters: neither the start nor the length, which would shorten a guess.
    assert.equal(mask('Dragon#2024'), '\u2026(hidden)');
    assert.equal(mask('abcdefghijklmno'), '\u2026(hidden)');
    assert.equal(mask('abcdefghijklmnop'), 'abcd\u2026(16 chars)');
  });
});
