import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLookups } from '../../../src/detect/lookups';

const names = (text: string) => findLookups(text).map((l) => `${l.service}:${l.name}`);

describe('lookups of secrets and parameters in code', () => {
  it('finds Secrets Manager lookups in each supported language', () => {
    const cases: [string, string][] = [
      ['const r = await client.send(new GetSecretValueCommand({ SecretId: "prod/db" }));', 'prod/db'],
      ["value = client.get_secret_value(SecretId='prod/api-key')['SecretString']", 'prod/api-key'],
      ['out, err := svc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/go")})', 'prod/go'],
      ['GetSecretValueRequest.builder().secretId("prod/java").build()', 'prod/java'],
      ['var r = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "prod/cs" });', 'prod/cs'],
      ["resp = client.get_secret_value(secret_id: 'prod/rb')", 'prod/rb'],
      ["$r = $client->getSecretValue(['SecretId' => 'prod/php']);", 'prod/php'],
      ['aws secretsmanager get-secret-value --secret-id prod/cli --query SecretString', 'prod/cli'],
      ["(Get-SECSecretValue -SecretId 'prod/ps').SecretString", 'prod/ps'],
      ['Password: "{{resolve:secretsmanager:prod/cfn:SecretString:password}}"', 'prod/cfn'],
      ['const p = await secretsManagerValue(secretsManager, "prod/helper", "password");', 'prod/helper'],
    ];
    for (const [code, name] of cases) assert.deepEqual(names(code), [`secretsmanager:${name}`], code);
  });

  it('finds Parameter Store lookups without mistaking any other Name', () => {
    const cases: [string, string][] = [
      ["await ssm.send(new GetParameterCommand({ Name: '/app/db', WithDecryption: true }))", '/app/db'],
      ["ssm.get_parameter(Name='/app/py', WithDecryption=True)", '/app/py'],
      ['svc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/go"), WithDecryption: aws.Bool(true)})', '/app/go'],
      ['GetParameterRequest.builder().name("/app/java").withDecryption(true).build()', '/app/java'],
      ['aws ssm get-parameter --name /app/cli --with-decryption', '/app/cli'],
      ['DbPassword: "{{resolve:ssm-secure:/app/cfn}}"', '/app/cfn'],
      ['token = parameterStoreValue(ssm, "/app/helper")', '/app/helper'],
    ];
    for (const [code, name] of cases) assert.deepEqual(names(code), [`ssm:${name}`], code);
    assert.deepEqual(names("const user = { Name: 'Alice' };\nconst table = { name: 'orders' };"), []);
  });

  it('points at the name itself, for hovers and diagnostics', () => {
    const text = 'x\nclient.get_secret_value(SecretId="prod/db")';
    const [lookup] = findLookups(text);
    assert.equal(text.slice(lookup.start, lookup.end), 'prod/db');
  });

  it('skips names built at run time and very long lines', () => {
    assert.deepEqual(names('new GetSecretValueCommand({ SecretId: name })'), []);
    assert.deepEqual(names('new GetSecretValueCommand({ SecretId: `prod/${env}` })'), []);
    assert.deepEqual(names(`${'x'.repeat(3000)} SecretId: "prod/db"`), []);
  });
});
