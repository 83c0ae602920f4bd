/**
 * The reference grammar: every form AWS documents — CloudFormation dynamic references (AWS
 * CloudFormation User Guide, "Get a secret or secret value from Secrets Manager", "Get a
 * plaintext value from Systems Manager Parameter Store", "Get a secure string value from
 * Systems Manager Parameter Store") and the ECS `valueFrom` ARN (Amazon ECS Developer Guide,
 * "Pass Secrets Manager secrets through Amazon ECS environment variables") — and what is said
 * about each malformed one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findReferences, formatReference, parseDynamic, type AwsReference } from '../../../src/references/grammar';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';
const VERSION = 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE';

function parsed(text: string): AwsReference {
  const found = parseDynamic(text);
  assert.ok(found.ok, `${text} parses: ${found.ok ? '' : found.message}`);
  return found.reference;
}

function refused(text: string): string {
  const found = findReferences(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.ok, false, `${text} is refused`);
  return (found[0] as { message: string }).message;
}

describe('reference grammar: Secrets Manager', () => {
  it('a whole secret by name', () => {
    assert.deepEqual(parsed('{{resolve:secretsmanager:MySecret}}'), { service: 'secretsmanager', secretId: 'MySecret', name: 'MySecret' });
  });
  it('one JSON key', () => {
    assert.deepEqual(parsed('{{resolve:secretsmanager:prod/db:SecretString:password}}'), {
      service: 'secretsmanager',
      secretId: 'prod/db',
      name: 'prod/db',
      jsonKey: 'password',
    });
  });
  it('an empty SecretString part (the default)', () => {
    assert.equal((parsed('{{resolve:secretsmanager:prod/db::password}}') as { jsonKey?: string }).jsonKey, 'password');
  });
  it('a version stage, with or without a key', () => {
    assert.deepEqual(parsed('{{resolve:secretsmanager:prod/db:SecretString:password:AWSPREVIOUS}}'), {
      service: 'secretsmanager',
      secretId: 'prod/db',
      name: 'prod/db',
      jsonKey: 'password',
      versionStage: 'AWSPREVIOUS',
    });
    assert.equal((parsed('{{resolve:secretsmanager:prod/db:SecretString::AWSPENDING}}') as { versionStage?: string }).versionStage, 'AWSPENDING');
  });
  it('a version id', () => {
    assert.equal((parsed(`{{resolve:secretsmanager:prod/db:SecretString:::${VERSION}}}`) as { versionId?: string }).versionId, VERSION);
  });
  it('trailing empty parts', () => {
    assert.deepEqual(parsed('{{resolve:secretsmanager:prod/db:SecretString:password::}}'), parsed('{{resolve:secretsmanager:prod/db:SecretString:password}}'));
  });
  it('a secret by ARN: its region wins', () => {
    assert.deepEqual(parsed(`{{resolve:secretsmanager:${ARN}:SecretString:password}}`), {
      service: 'secretsmanager',
      secretId: ARN,
      name: 'prod/db',
      region: 'eu-west-1',
      jsonKey: 'password',
    });
  });
  it('a partial ARN (without the 6-character suffix)', () => {
    const reference = parsed('{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-2:123456789012:secret:app}}');
    assert.equal(reference.region, 'us-east-2');
    assert.equal(reference.name, 'app');
  });
  it('an ECS valueFrom ARN, with a key, a stage and a version id', () => {
    const [one, two] = [findReferences(`${ARN}:username::`)[0]!, findReferences(`${ARN}:password:AWSCURRENT`)[0]!];
    assert.ok(one.ok && two.ok);
    assert.deepEqual(one.reference, { service: 'secretsmanager', secretId: ARN, name: 'prod/db', region: 'eu-west-1', jsonKey: 'username' });
    assert.equal((two.reference as { versionStage?: string }).versionStage, 'AWSCURRENT');
    const three = findReferences(`${ARN}::::`.slice(0, -1) + VERSION)[0]!;
    assert.ok(three.ok);
    assert.equal((three.reference as { versionId?: string }).versionId, VERSION);
  });
  it('refuses what CloudFormation would not read, saying why', () => {
    assert.match(refused('{{resolve:secretsmanager:}}'), /Name the secret/);
    assert.match(refused('{{resolve:secretsmanager:prod db}}'), /not a valid secret name.*“ ” is not allowed/);
    assert.match(refused('{{resolve:secretsmanager:prod/db:SecretBinary:x}}'), /must be SecretString.*not “SecretBinary”/);
    assert.match(refused(`{{resolve:secretsmanager:prod/db:SecretString:k:AWSCURRENT:${VERSION}}}`), /stage or a version id, not both/);
    assert.match(refused('{{resolve:secretsmanager:prod/db:SecretString:k:s:v:extra}}'), /Too many parts/);
    assert.match(refused('{{resolve:secretsmanager:prod/db:SecretString:::not-a-version}}'), /is not a version id/);
    assert.match(refused('{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:1234:secret:x}}'), /is not a secret ARN/);
    assert.match(refused('arn:aws:secretsmanager:eu-west-1:123456789012:secret:x:a:b:c:d'), /Too many parts/);
    assert.match(refused('{{resolve:secretsmanager:prod/db'), /no closing “}}”/);
    assert.match(refused('{{resolve:vault:kv/db}}'), /“vault” is not a service.*secretsmanager.*ssm.*ssm-secure/);
  });
});

describe('reference grammar: Parameter Store', () => {
  it('ssm and ssm-secure, with and without a version', () => {
    assert.deepEqual(parsed('{{resolve:ssm:/app/db/host}}'), { service: 'ssm', parameterName: '/app/db/host', name: '/app/db/host', secure: false });
    assert.deepEqual(parsed('{{resolve:ssm:S3AccessControl:2}}'), {
      service: 'ssm',
      parameterName: 'S3AccessControl',
      name: 'S3AccessControl',
      version: 2,
      secure: false,
    });
    assert.deepEqual(parsed('{{resolve:ssm-secure:/app/db/password:7}}'), {
      service: 'ssm',
      parameterName: '/app/db/password',
      name: '/app/db/password',
      version: 7,
      secure: true,
    });
  });
  it('public parameters under /aws', () => {
    assert.equal(parsed('{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}').name.startsWith('/aws/'), true);
  });
  it('a shared parameter by ARN: its region wins', () => {
    assert.deepEqual(parsed('{{resolve:ssm:arn:aws:ssm:ap-south-1:123456789012:parameter/shared/url:3}}'), {
      service: 'ssm',
      parameterName: 'arn:aws:ssm:ap-south-1:123456789012:parameter/shared/url',
      name: '/shared/url',
      region: 'ap-south-1',
      version: 3,
      secure: false,
    });
  });
  it('an ECS valueFrom parameter ARN', () => {
    const [found] = findReferences('arn:aws:ssm:us-west-2:123456789012:parameter/db_password');
    assert.ok(found?.ok);
    assert.deepEqual(found.reference, {
      service: 'ssm',
      parameterName: 'arn:aws:ssm:us-west-2:123456789012:parameter/db_password',
      name: 'db_password',
      region: 'us-west-2',
    });
  });
  it('refuses malformed parameter references, saying why', () => {
    assert.match(refused('{{resolve:ssm:}}'), /Name the parameter: \{\{resolve:ssm:NAME\}\}/);
    assert.match(refused('{{resolve:ssm:/app/db:latest}}'), /version must be a whole number such as 3, not “latest”/);
    assert.match(refused('{{resolve:ssm-secure:/app/db:0}}'), /whole number/);
    assert.match(refused('{{resolve:ssm:/app/db:1:2}}'), /Too many parts/);
    assert.match(refused('{{resolve:ssm:/app db}}'), /not a valid parameter name/);
    assert.match(refused('arn:aws:ssm:us-west-2:123456789012:parameter/db:3'), /ARN reference has no version/);
    assert.match(refused('arn:aws:ssm:us-west-2:123:parameter/db'), /is not a parameter ARN/);
  });
});

describe('references inside values', () => {
  it('several references in one value, with the text around them', () => {
    const found = findReferences('postgres://{{resolve:ssm:/db/user}}:{{resolve:secretsmanager:db::password}}@host/db');
    assert.deepEqual(
      found.map((f) => [f.ok, f.offset, f.text]),
      [
        [true, 11, '{{resolve:ssm:/db/user}}'],
        [true, 36, '{{resolve:secretsmanager:db::password}}'],
      ],
    );
  });
  it('plain values and other templates have none', () => {
    assert.deepEqual(findReferences('hello {{ name }} arn:aws:iam::123456789012:role/x'), []);
    assert.deepEqual(findReferences('arn:aws:iam::123456789012:role/x'), []);
  });
  it('formats references back to their text', () => {
    for (const text of [
      '{{resolve:secretsmanager:prod/db}}',
      '{{resolve:secretsmanager:prod/db:SecretString:password}}',
      '{{resolve:secretsmanager:prod/db:SecretString::AWSPREVIOUS}}',
      `{{resolve:secretsmanager:prod/db:SecretString:::${VERSION}}}`,
      `{{resolve:secretsmanager:${ARN}:SecretString:password}}`,
      '{{resolve:ssm:/app/host}}',
      '{{resolve:ssm-secure:/app/password:3}}',
    ]) {
      assert.equal(formatReference(parsed(text)), text);
    }
  });
});
