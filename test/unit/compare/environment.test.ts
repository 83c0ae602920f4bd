import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEnvironment, nameIn, relativeName, shortEnvironment, type Environment } from '../../../src/compare/environment';

const env = (service: 'secretsmanager' | 'ssm', prefix: string, region = 'us-east-1', profile = 'demo'): Environment => ({ profile, region, service, prefix });

describe('environments', () => {
  it('names items relative to their folder, in both services', () => {
    assert.equal(relativeName(env('secretsmanager', 'staging/'), 'staging/payments/db'), 'payments/db');
    assert.equal(relativeName(env('ssm', '/app/staging/'), '/app/staging/payments/db'), 'payments/db');
    assert.equal(relativeName(env('ssm', ''), '/app/staging/db'), 'app/staging/db');
    assert.equal(relativeName(env('secretsmanager', 'staging/'), 'prod/db'), undefined);
    // A prefix that is not a folder keeps the rest as it is.
    assert.equal(relativeName(env('secretsmanager', 'staging'), 'staging/db'), '/db');
  });

  it('maps a relative name into another environment, with the leading slash parameter paths need', () => {
    assert.equal(nameIn(env('secretsmanager', 'prod/'), 'payments/db'), 'prod/payments/db');
    assert.equal(nameIn(env('ssm', '/app/prod/'), 'payments/db'), '/app/prod/payments/db');
    assert.equal(nameIn(env('ssm', ''), 'app/db'), '/app/db');
    assert.equal(nameIn(env('ssm', ''), 'top-level'), 'top-level');
    assert.equal(nameIn(env('secretsmanager', 'prod'), '/db'), 'prod/db');
  });

  it('describes an environment, and tells two apart by what differs', () => {
    assert.equal(describeEnvironment(env('secretsmanager', 'staging/')), 'staging/ · Secrets Manager · us-east-1 · profile demo');
    assert.equal(shortEnvironment(env('secretsmanager', 'staging/'), env('secretsmanager', 'prod/')), 'staging/');
    assert.equal(shortEnvironment(env('secretsmanager', 'prod/'), env('secretsmanager', 'prod/', 'eu-west-1')), 'us-east-1');
    assert.equal(shortEnvironment(env('ssm', '/app/prod/'), env('secretsmanager', 'prod/', 'us-east-1', 'other')), '/app/prod/ · Parameter Store · demo');
  });
});
