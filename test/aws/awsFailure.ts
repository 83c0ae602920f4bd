import assert from 'node:assert/strict';
import { isAwsError, type AwsError } from '../../src/aws/errors';

/** Runs `action`, which must fail with an AwsError from the extension's AWS layer, and returns it. */
export async function failure(action: () => Promise<unknown>): Promise<AwsError> {
  try {
    await action();
  } catch (error) {
    assert.ok(isAwsError(error), `expected an AwsError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected the call to fail');
}
