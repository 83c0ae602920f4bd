// Names as code writes them become policy targets: names, partial and full ARNs (which carry their
// own Region and account), parameter version selectors, and which files are read as dotenv.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findLookups } from '../../../src/detect/lookups';
import { isDotenvName, mergeTargets, targetOf, targetsInFile } from '../../../src/policy';

const at = { file: 'app.py', line: 1 };

describe('policy targets', () => {
  it('reads a secret named by name, partial ARN or full ARN (Secrets Manager User Guide, "Find secrets": the ARN ends in the name and 6 random characters)', () => {
    assert.deepEqual(targetOf('secretsmanager', 'prod/db', at), { service: 'secretsmanager', name: 'prod/db', places: [at] });
    const partial = targetOf('secretsmanager', 'arn:aws:secretsmanager:eu-west-1:210987654321:secret:prod/db', at);
    assert.deepEqual([partial.name, partial.region, partial.account, partial.partition], ['prod/db', 'eu-west-1', '210987654321', 'aws']);
    const full = targetOf('secretsmanager', 'arn:aws-cn:secretsmanager:cn-north-1:210987654321:secret:prod/db-AbC123', at);
    assert.deepEqual(
      [full.name, full.region, full.partition, full.arn],
      ['prod/db', 'cn-north-1', 'aws-cn', 'arn:aws-cn:secretsmanager:cn-north-1:210987654321:secret:prod/db-AbC123'],
    );
  });

  it('reads a parameter by name, by ARN (a path name keeps its slash, a simple one has none), and without its version selector', () => {
    assert.equal(targetOf('ssm', '/app/db/password', at).name, '/app/db/password');
    assert.equal(targetOf('ssm', '/app/db/password:3', at).name, '/app/db/password');
    assert.equal(targetOf('ssm', 'db-host:live', at).name, 'db-host');
    const pathArn = targetOf('ssm', 'arn:aws:ssm:us-west-2:210987654321:parameter/app/db/password', at);
    assert.deepEqual([pathArn.name, pathArn.region, pathArn.account], ['/app/db/password', 'us-west-2', '210987654321']);
    assert.equal(targetOf('ssm', 'arn:aws:ssm:us-west-2:210987654321:parameter/db-host', at).name, 'db-host');
  });

  it('finds dynamic references by ARN in any file, where a secret ARN has colons of its own', () => {
    const text = "Value: '{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared/token-AbCdEf:SecretString:token}}'\n";
    const [target, ...rest] = targetsInFile('template.yaml', text, findLookups);
    assert.equal(rest.length, 0);
    assert.deepEqual([target!.name, target!.region, target!.places], ['shared/token', 'eu-west-1', [{ file: 'template.yaml', line: 1 }]]);
  });

  it('reads ECS-style ARN values only in references files', () => {
    const text = '# aws-secrets-lens: region=us-east-1\nTOKEN=arn:aws:secretsmanager:us-east-1:123456789012:secret:ci/token\n';
    assert.deepEqual(
      targetsInFile('deploy.env.aws', text, findLookups).map((t) => t.name),
      ['ci/token'],
    );
    assert.deepEqual(targetsInFile('notes.txt', text, findLookups), []);
  });

  it('knows the dotenv file names', () => {
    for (const name of ['.env', '.env.local', 'config/prod.env', 'worker.env.aws', 'a/.env.aws']) assert.ok(isDotenvName(name), name);
    for (const name of ['env.ts', 'environment.yaml', '.envrc']) assert.ok(!isDotenvName(name), name);
  });

  it('merges the places of one item named several times, and keeps items of different Regions apart', () => {
    const merged = mergeTargets([
      targetOf('secretsmanager', 'prod/db', { file: 'a.py', line: 3 }),
      targetOf('secretsmanager', 'prod/db', { file: 'b.ts', line: 9 }),
      targetOf('secretsmanager', 'prod/db', { file: 'a.py', line: 3 }),
      targetOf('secretsmanager', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db', { file: 'c.yaml', line: 1 }),
    ]);
    assert.deepEqual(
      merged.map((t) => [t.name, t.region, t.places.length]),
      [
        ['prod/db', undefined, 2],
        ['prod/db', 'eu-west-1', 1],
      ],
    );
  });
});
