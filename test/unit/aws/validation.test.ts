import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parameterNameProblem,
  parameterValueProblem,
  parseJsonObject,
  parseTags,
  secretNameProblem,
  secretNameWarning,
  secretValueProblem,
} from '../../../src/aws/validation';

describe('name and value rules checked before anything is sent', () => {
  it('accepts valid secret names and explains invalid ones', () => {
    for (const ok of ['prod/payments/db', 'a', 'x'.repeat(512), 'user@example.com+tag=1.2_3-4']) assert.equal(secretNameProblem(ok), undefined, ok);
    assert.equal(secretNameProblem(''), 'Enter a name.');
    assert.match(secretNameProblem('x'.repeat(513)) ?? '', /at most 512 characters/);
    assert.match(secretNameProblem('prod db') ?? '', /“ ” is not allowed/);
    assert.match(secretNameProblem('prod#db') ?? '', /“#” is not allowed/);
    assert.match(secretNameWarning('db-AbC123') ?? '', /ARN suffixes/);
    assert.equal(secretNameWarning('prod/db'), undefined);
  });

  it('applies Parameter Store path rules', () => {
    for (const ok of ['/app/prod/db-password', 'plain', '/a.b_c-d']) assert.equal(parameterNameProblem(ok), undefined, ok);
    assert.match(parameterNameProblem('app/prod') ?? '', /must start with “\/”/);
    assert.match(parameterNameProblem('/app/') ?? '', /cannot end with/);
    assert.match(parameterNameProblem('/app//x') ?? '', /empty path segment/);
    assert.match(parameterNameProblem('/aws/thing') ?? '', /reserved/);
    assert.match(parameterNameProblem('ssm-param') ?? '', /reserved/);
    assert.match(parameterNameProblem(`/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`) ?? '', /at most 15 levels/);
    assert.match(parameterNameProblem('/app/db password') ?? '', /not allowed/);
  });

  it('enforces value sizes in bytes, counting multi-byte characters', () => {
    assert.equal(secretValueProblem('x'.repeat(65_536)), undefined);
    assert.match(secretValueProblem('x'.repeat(65_537)) ?? '', /65,537 bytes; Secrets Manager stores at most 65,536/);
    assert.match(secretValueProblem('€'.repeat(21_846)) ?? '', /65,538 bytes/);
    assert.match(secretValueProblem('') ?? '', /empty/);
    assert.equal(parameterValueProblem('x'.repeat(4096)), undefined);
    assert.match(parameterValueProblem('x'.repeat(4097)) ?? '', /Use the Advanced tier/);
    assert.equal(parameterValueProblem('x'.repeat(8192), 'Advanced'), undefined);
    assert.match(parameterValueProblem('x'.repeat(8193), 'Advanced') ?? '', /at most 8,192/);
  });

  it('recognises JSON key/value secrets only when they are objects', () => {
    assert.deepEqual(parseJsonObject(' {"user":"a","password":"b"} '), { user: 'a', password: 'b' });
    assert.equal(parseJsonObject('[1,2]'), undefined);
    assert.equal(parseJsonObject('{not json'), undefined);
    assert.equal(parseJsonObject('plain'), undefined);
  });

  it('parses tag input and refuses reserved or oversized tags', () => {
    assert.deepEqual(parseTags('team=payments, env = prod,flag'), {
      tags: [
        { key: 'team', value: 'payments' },
        { key: 'env', value: 'prod' },
        { key: 'flag', value: '' },
      ],
    });
    assert.deepEqual(parseTags(''), { tags: [] });
    assert.ok('problem' in parseTags('aws:createdBy=me'));
    assert.ok('problem' in parseTags('=value'));
    assert.ok('problem' in parseTags(`k=${'v'.repeat(257)}`));
  });
});
