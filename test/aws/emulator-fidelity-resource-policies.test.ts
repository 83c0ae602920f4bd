/**
 * The emulator's Secrets Manager resource-policy checks, as the API Reference documents them:
 * ValidateResourcePolicy ("checks for correct syntax", "does not allow broad access to your
 * secret, for example policies that use a wildcard for the principal", "does not lock out a
 * caller"), PutResourcePolicy's BlockPublicPolicy ("PublicPolicyException: The BlockPublicPolicy
 * parameter is set to true, and the resource policy did not prevent broad access to the secret")
 * and MalformedPolicyDocumentException. Only the bundled emulator: moto does not implement
 * ValidateResourcePolicy (HTTP 500), accepts text that is not JSON and ignores BlockPublicPolicy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateSecretCommand,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
  type SecretsManagerClient,
  ValidateResourcePolicyCommand,
} from '@aws-sdk/client-secrets-manager';
import { errorOf, openEmulatorEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';

const statement = (fields: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', ...fields }] });
const OWN_ACCOUNT = statement({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } });
const ANYONE = statement({ Principal: '*' });

describe('emulator fidelity: resource policies', () => {
  let ep: TestEndpoint;
  let sm: SecretsManagerClient;
  let arn: string;

  before(async () => {
    ep = await openEmulatorEndpoint();
    sm = ep.secretsManager();
    arn = (await sm.send(new CreateSecretCommand({ Name: `${uniquePrefix('rp')}/secret`, SecretString: 'x' }))).ARN!;
  });
  after(() => ep.close());

  it('passes a policy for the own account, and reports broad access and lock-out', async () => {
    assert.deepEqual(
      await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: OWN_ACCOUNT })).then((r) => [r.PolicyValidationPassed, r.ValidationErrors]),
      [true, []],
    );
    const broad = await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: ANYONE }));
    assert.equal(broad.PolicyValidationPassed, false);
    assert.match(broad.ValidationErrors![0]!.ErrorMessage!, /wide range of principals/);
    // A condition narrows a wildcard principal (e.g. to one organization): not broad.
    const narrowed = statement({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } });
    assert.equal((await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: narrowed }))).PolicyValidationPassed, true);
    const lockout = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'secretsmanager:*', Resource: '*' }] });
    assert.match((await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: lockout }))).ValidationErrors![0]!.ErrorMessage!, /lock everyone out/);
  });

  it('reports the grammar: an Effect, a Principal, actions', async () => {
    const result = await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: statement({ Effect: 'Maybe', Action: 'GetSecretValue' }) }));
    assert.equal(result.PolicyValidationPassed, false);
    assert.deepEqual(
      result.ValidationErrors!.map((e) => e.ErrorMessage),
      [
        'Statement 1: Effect must be Allow or Deny.',
        'Statement 1 has no Principal: a resource policy must name who it applies to.',
        'Statement 1: "GetSecretValue" is not an action.',
      ],
    );
  });

  it('refuses text that is not JSON', async () => {
    assert.equal(
      (await errorOf(() => sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: '{"Version": ' })))).name,
      'MalformedPolicyDocumentException',
    );
    assert.equal(
      (await errorOf(() => sm.send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: 'nope' })))).name,
      'MalformedPolicyDocumentException',
    );
  });

  it('blocks a public policy with BlockPublicPolicy, and stores it without', async () => {
    const blocked = await errorOf(() => sm.send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: ANYONE, BlockPublicPolicy: true })));
    assert.equal(blocked.name, 'PublicPolicyException');
    assert.equal((await sm.send(new GetResourcePolicyCommand({ SecretId: arn }))).ResourcePolicy, undefined);
    await sm.send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: OWN_ACCOUNT, BlockPublicPolicy: true }));
    assert.equal((await sm.send(new GetResourcePolicyCommand({ SecretId: arn }))).ResourcePolicy, OWN_ACCOUNT);
  });

  // PutResourcePolicy › ResourcePolicy: "Length Constraints: Minimum length of 1. Maximum length of 20480."
  it('limits a policy to 20,480 characters', async () => {
    const long = statement({ Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Sid: 'x'.repeat(20_500) });
    assert.equal((await errorOf(() => sm.send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: long })))).name, 'ValidationException');
  });
});
