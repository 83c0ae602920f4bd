import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccessDeniedException as SsmAccessDenied, ParameterAlreadyExists, ParameterNotFound, TooManyUpdates } from '@aws-sdk/client-ssm';
import { InvalidRequestException, ResourceExistsException, ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { isAwsError, redact, toAwsError, type CallContext } from '../../../src/aws/errors';

const context: CallContext = {
  profile: 'dev',
  profileLabel: 'dev',
  region: 'eu-west-1',
  service: 'secretsmanager',
  operation: 'PutSecretValue',
  resource: 'prod/db',
};
const meta = { $metadata: { httpStatusCode: 400 } };

describe('AWS error mapping', () => {
  it('names the action, resource, region and profile when access is denied', () => {
    const error = toAwsError(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', ...meta }), context);
    assert.equal(error.kind, 'accessDenied');
    assert.equal(
      error.message,
      'Access denied to secretsmanager:PutSecretValue on prod/db in eu-west-1 for profile dev. Ask for this permission or use another profile.',
    );
    assert.ok(isAwsError(error));
  });

  it('maps the SDK exception classes of both services', () => {
    const cases: [unknown, string][] = [
      [new ResourceNotFoundException({ message: 'not found', ...meta }), 'notFound'],
      [new ParameterNotFound({ message: 'missing', ...meta }), 'notFound'],
      [new ResourceExistsException({ message: 'exists', ...meta }), 'alreadyExists'],
      [new ParameterAlreadyExists({ message: 'exists', ...meta }), 'alreadyExists'],
      [new TooManyUpdates({ message: 'slow down', ...meta }), 'throttled'],
      [new SsmAccessDenied({ message: 'denied', Message: 'denied', ...meta }), 'accessDenied'],
      [
        new InvalidRequestException({ message: "You can't perform this operation on the secret because it was marked for deletion.", ...meta }),
        'scheduledForDeletion',
      ],
      // moto's wording of the same refusal.
      [
        new InvalidRequestException({
          message:
            "An error occurred (InvalidRequestException) when calling the GetSecretValue operation: You tried to perform the operation on a secret that's currently marked deleted.",
          ...meta,
        }),
        'scheduledForDeletion',
      ],
      [
        new InvalidRequestException({ message: 'You provided a parameter value that is not valid for the current state of the resource.', ...meta }),
        'invalidInput',
      ],
    ];
    for (const [thrown, kind] of cases) assert.equal(toAwsError(thrown, context).kind, kind, String((thrown as Error).name));
  });

  it('recognises expired credentials, expired SSO sessions and missing credentials', () => {
    assert.equal(
      toAwsError(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' }), context).kind,
      'expiredCredentials',
    );
    const sso = toAwsError(
      Object.assign(
        new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'),
        { name: 'CredentialsProviderError' },
      ),
      context,
    );
    assert.equal(sso.kind, 'ssoExpired');
    assert.match(sso.message, /aws sso login --profile dev/);
    assert.equal(
      toAwsError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), context).kind,
      'noCredentials',
    );
  });

  it('tells network failures, unknown regions, server errors and cancellation apart', () => {
    assert.equal(
      toAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), { ...context, endpoint: 'http://127.0.0.1:1' }).kind,
      'network',
    );
    assert.equal(
      toAwsError(
        Object.assign(new Error('getaddrinfo ENOTFOUND secretsmanager.xx-nowhere-1.amazonaws.com'), {
          code: 'ENOTFOUND',
          hostname: 'secretsmanager.xx-nowhere-1.amazonaws.com',
        }),
        context,
      ).kind,
      'regionUnavailable',
    );
    assert.equal(
      toAwsError(Object.assign(new Error('boom'), { name: 'InternalServiceError', $metadata: { httpStatusCode: 500 } }), context).kind,
      'serviceError',
    );
    assert.equal(toAwsError(Object.assign(new Error('aborted'), { name: 'AbortError' }), context).kind, 'cancelled');
  });

  it('never repeats a sensitive value that AWS echoed back', () => {
    const secret = 'hunter2-super-secret-value';
    const error = toAwsError(
      Object.assign(new Error(`1 validation error detected: Value '${secret}' at 'secretString' failed to satisfy constraint`), {
        name: 'ValidationException',
        ...meta,
      }),
      context,
      [secret],
    );
    assert.equal(error.kind, 'invalidInput');
    assert.ok(!error.message.includes(secret));
    assert.ok(!error.detail?.includes(secret));
    assert.match(error.message, /Value '\*\*\*\*' at 'secretString'/);
  });

  it('masks echoed values even when the caller did not list them', () => {
    assert.equal(redact("Value 'abc123' at 'value' failed"), "Value '****' at 'value' failed");
  });
});

describe('secret names in messages', () => {
  it('names a secret by its name even when the call used its ARN', async () => {
    const { secretNameOf } = await import('../../../src/aws/secretsManagerStore');
    assert.equal(secretNameOf('arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123'), 'prod/db');
    assert.equal(secretNameOf('prod/db'), 'prod/db');
    assert.equal(secretNameOf('arn:aws:secretsmanager:eu-west-1:123456789012:secret:name-with-dash-x-AbC123'), 'name-with-dash-x');
  });
});
