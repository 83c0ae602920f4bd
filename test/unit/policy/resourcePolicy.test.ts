// A resource policy as a document: the starting policy (this account's root, the IAM policy
// grammar of the IAM User Guide's "IAM JSON policy element reference"), strict JSON problems with
// their place (RFC 8259: no comments, no trailing commas), and where in the text each
// ValidateResourcePolicy finding is marked (AWS gives a check name and a message, no position).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findingSpans, policyText, starterPolicy, syntaxProblems } from '../../../src/policy/resourcePolicy';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';

const at = (text: string, span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);

describe('resource policy documents', () => {
  it('starts from read access for the secret’s own account, in its partition', () => {
    const policy = JSON.parse(starterPolicy(ARN)) as {
      Version: string;
      Statement: { Effect: string; Principal: { AWS: string }; Action: string; Resource: string }[];
    };
    assert.equal(policy.Version, '2012-10-17');
    assert.deepEqual(
      policy.Statement.map((s) => [s.Effect, s.Principal.AWS, s.Action, s.Resource]),
      [['Allow', 'arn:aws:iam::123456789012:root', 'secretsmanager:GetSecretValue', '*']],
    );
    assert.match(starterPolicy('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:x-AbCdEf'), /arn:aws-cn:iam::123456789012:root/);
  });

  it('shows a stored policy indented, and text that is not JSON as it is', () => {
    assert.equal(policyText('{"Version":"2012-10-17","Statement":[]}'), '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n');
    assert.equal(policyText('not json'), 'not json');
  });

  it('finds JSON problems with their place, and refuses comments, trailing commas and an empty text', () => {
    const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [\n}\n';
    const problems = syntaxProblems(broken);
    assert.ok(problems.length >= 1);
    assert.match(problems[0]!.message, /^Not valid JSON: /);
    assert.equal(broken.slice(0, problems[0]!.offset).split('\n').length, 4, 'on the line of the stray brace');
    assert.ok(syntaxProblems('{ // note\n "Version": "2012-10-17" }').length > 0, 'comments are not JSON');
    assert.ok(syntaxProblems('{ "Version": "2012-10-17", }').length > 0, 'trailing commas are not JSON');
    assert.match(syntaxProblems('  \n')[0]?.message ?? '', /empty/);
    assert.deepEqual(syntaxProblems(starterPolicy(ARN)), []);
  });

  it('marks broad access on the wildcard principal of the Allow statement', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
          { Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        ],
      },
      null,
      2,
    );
    const spans = findingSpans(text, { checkName: 'BROAD_ACCESS', message: 'The resource policy grants access to a wide range of principals.' });
    assert.deepEqual(
      spans.map((s) => at(text, s)),
      ['"*"'],
    );
  });

  it('marks a lock-out on the Deny statement, a numbered statement on itself, anything else on the Statement key', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: '*', Resource: '*' },
        { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' },
      ],
    });
    assert.match(at(text, findingSpans(text, { checkName: 'LOCKOUT', message: 'It would lock everyone out.' })[0]!), /^\{"Effect":"Deny"/);
    assert.match(at(text, findingSpans(text, { message: 'Statement 1 has an unsupported action.' })[0]!), /^\{"Effect":"Allow"/);
    assert.equal(at(text, findingSpans(text, { checkName: 'OTHER', message: 'Something else.' })[0]!), '"Statement"');
  });
});
