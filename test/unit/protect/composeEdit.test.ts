import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/detect';
import { changedSpan, composeEdit } from '../../../src/protect/composeEdit';
import { jsonKeys, suggestName } from '../../../src/protect/naming';
import { literalReplacement } from '../../../src/snippets';

describe('one edit for the fixes of a whole group', () => {
  it('rewrites two literals of one file into lookups sharing one import and client', () => {
    const text = 'const id = "AKIA2OGYBAH6QXLV7D4R";\nconst key = "q8Vx3bN1fT6yK0mR4sW9eZ2uH7jL5pC1aG8dE3iO";\n';
    const idStart = text.indexOf('"AKIA');
    const keyStart = text.indexOf('"q8Vx');
    const target = (jsonKey: string) => ({ service: 'secretsmanager' as const, name: 'app/aws', region: 'eu-west-1', jsonKey });
    const composed = composeEdit(
      text,
      { languageId: 'typescript', fileName: 'config.ts' },
      [
        { start: idStart, end: idStart + 22, target: target('access_key_id') },
        { start: keyStart, end: keyStart + 42, target: target('secret_access_key') },
      ],
      literalReplacement,
    );
    assert.ok(composed.ok);
    const after = text.slice(0, composed.edit.start) + composed.edit.newText + text.slice(composed.edit.end);
    assert.equal(after.match(/new SecretsManagerClient/g)?.length, 1, 'one client');
    assert.equal(after.match(/^import /gm)?.length, 1, 'one import');
    assert.match(after, /secretsManagerValue\(secretsManager, "app\/aws", "access_key_id"\)/);
    assert.match(after, /secretsManagerValue\(secretsManager, "app\/aws", "secret_access_key"\)/);
    assert.ok(!after.includes('AKIA2OGYBAH6QXLV7D4R'));
  });

  it('reports why a file cannot be rewritten instead of guessing', () => {
    const text = 'fn main() { let key = "Rt6yU1iO8pA3sD5fG7hJ9kL2"; }\n';
    const start = text.indexOf('"Rt6');
    const composed = composeEdit(
      text,
      { languageId: 'rust', fileName: 'main.rs' },
      [{ start, end: start + 26, target: { service: 'secretsmanager', name: 'x' } }],
      literalReplacement,
    );
    assert.equal(composed.ok, false);
  });

  it('reduces a rewrite to the one span that changed', () => {
    assert.deepEqual(changedSpan('abcXYZdef', 'abc123def'), { start: 3, end: 6, newText: '123' });
    assert.deepEqual(changedSpan('same', 'same'), { start: 4, end: 4, newText: '' });
  });
});

describe('names suggested for moved secrets', () => {
  const finding = (name: string | undefined, kind: string, ruleId = 'password-assignment') => ({ name, kind, ruleId }) as Finding;

  it('builds names from the workspace, the file and the variable', () => {
    assert.equal(
      suggestName('secretsmanager', { workspace: 'My Shop', fileName: '/src/settings.py' }, [finding('DB_PASSWORD', 'password')]),
      'my-shop/settings/db-password',
    );
    assert.equal(
      suggestName('ssm', { workspace: 'shop', fileName: 'C:\\app\\appSettings.json' }, [finding('dbPassword', 'password')]),
      '/shop/app-settings/db-password',
    );
    assert.equal(
      suggestName('secretsmanager', { fileName: 'config.ts' }, [
        finding('a', 'AWS access key id', 'aws-access-key-id'),
        finding('b', 'AWS secret access key', 'aws-secret-access-key'),
      ]),
      'config/aws-credentials',
    );
  });

  it('gives each value of a group its own snake_case JSON key', () => {
    assert.deepEqual(
      jsonKeys([finding('accessKeyId', 'k'), finding('AWS_SECRET_ACCESS_KEY', 'k'), finding(undefined, 'password'), finding(undefined, 'password')]),
      ['access_key_id', 'aws_secret_access_key', 'password', 'password_2'],
    );
  });
});
