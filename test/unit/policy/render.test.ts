// The three output formats say the same policy: Terraform's aws_iam_policy_document blocks and
// CloudFormation's AWS::IAM::ManagedPolicy (read back with a YAML parser, every string quoted so
// a YAML 1.1 reader never takes 2012-10-17 for a date), with the notes as comments.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildPolicy, renderPolicy, type Resolution } from '../../../src/policy';
import { identityPolicyProblems } from './iamGrammar';

const resolution: Resolution = {
  account: '123456789012',
  items: [
    {
      target: { service: 'secretsmanager', name: 'prod/db', places: [] },
      region: 'us-east-1',
      resourceArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
      exact: true,
      key: { keyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', service: 'secretsmanager' },
    },
    {
      target: { service: 'ssm', name: '/app/url', places: [] },
      region: 'eu-west-1',
      resourceArn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/url',
      exact: true,
    },
  ],
  notes: [{ service: 'secretsmanager', name: 'gone/secret', region: 'us-east-1', unresolved: true, message: 'not in the policy: reasons' }],
};

describe('policy output formats', () => {
  const generated = buildPolicy(resolution);
  const policy = generated.policy!;

  it('groups statements by Region, reads before decrypts, with Sids IAM accepts', () => {
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ['ReadParametersEuWest1', 'ReadSecretsUsEast1', 'DecryptSecretsUsEast1'],
    );
    assert.deepEqual(identityPolicyProblems(policy), []);
  });

  it('JSON is the policy itself, nothing else', () => {
    assert.deepEqual(JSON.parse(renderPolicy({ ...generated, policy }, 'json', 'app')), policy);
  });

  it('CloudFormation: a managed policy whose document is the same policy, notes as comments', () => {
    const text = renderPolicy({ ...generated, policy }, 'cloudformation', 'app');
    assert.match(text, /^# Not in the policy: gone\/secret \(us-east-1\): not in the policy: reasons$/m);
    assert.match(text, /Version: "2012-10-17"/);
    const template = parse(text, { version: '1.1' }) as { Resources: { ReadSecretsPolicy: { Type: string; Properties: { PolicyDocument: unknown } } } };
    assert.equal(template.Resources.ReadSecretsPolicy.Type, 'AWS::IAM::ManagedPolicy');
    assert.deepEqual(template.Resources.ReadSecretsPolicy.Properties.PolicyDocument, policy);
  });

  it('Terraform: one statement block per statement, with the kms:ViaService condition', () => {
    const text = renderPolicy({ ...generated, policy }, 'terraform', 'app');
    assert.match(text, /^# Not in the policy: gone\/secret/m);
    assert.equal(text.match(/^ {2}statement \{$/gm)?.length, 3);
    assert.match(
      text,
      /condition \{\n\s+test {5}= "StringEquals"\n\s+variable = "kms:ViaService"\n\s+values {3}= \["secretsmanager\.us-east-1\.amazonaws\.com"\]/,
    );
    assert.match(text, /resources = \["arn:aws:ssm:eu-west-1:123456789012:parameter\/app\/url"\]/);
    assert.match(text, /policy {6}= data\.aws_iam_policy_document\.read_secrets\.json/);
  });

  it('builds nothing from nothing: IAM refuses a policy without statements', () => {
    assert.equal(buildPolicy({ items: [], notes: [] }).policy, undefined);
  });
});
