/**
 * AWS STS (AWS Query protocol, API version 2011-06-15), the two calls the extension makes:
 * `GetCallerIdentity` (who a profile's credentials are) and `GetAccessKeyInfo` (the account that
 * owns an access key id, asked without using that key). AWS answers GetAccessKeyInfo for any
 * well-formed key id with the account it was issued to; the emulator answers its own account for
 * the keys that have signed a request to it, and for any other key an account number derived from
 * the key id (stable, never the emulator's own), so "a key of another account" can be tested.
 */
import { createHash } from 'node:crypto';
import { ACCOUNT_ID, AwsError, CALLER_ARN, type RequestContext } from './protocol';
import type { QueryInput, QueryService } from './queryProtocol';
import type { EmulatorState } from './state';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** GetAccessKeyInfo › AccessKeyId: "Length Constraints: Minimum length of 16. Maximum length of 128. Pattern: [\w]*". */
const ACCESS_KEY_ID = /^\w{16,128}$/;

/** Another account's number for a key the emulator never saw: 12 digits from a hash of the key id. */
export function otherAccountOf(accessKeyId: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(accessKeyId).digest('hex').slice(0, 15)}`) % 10n ** 11n;
  const account = `9${digits.toString().padStart(11, '0')}`;
  return account === ACCOUNT_ID ? '900000000001' : account;
}

function getCallerIdentity(_input: QueryInput, _ctx: RequestContext) {
  return { UserId: 'AIDAEMULATORDEMOUSER', Account: ACCOUNT_ID, Arn: CALLER_ARN };
}

function getAccessKeyInfo(state: EmulatorState, input: QueryInput) {
  const accessKeyId = input.string('AccessKeyId');
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]*`,
    );
  }
  return { Account: state.signers.has(accessKeyId) ? ACCOUNT_ID : otherAccountOf(accessKeyId) };
}

export function stsService(state: EmulatorState): QueryService {
  return {
    namespace: STS_NAMESPACE,
    handlers: {
      GetCallerIdentity: getCallerIdentity,
      GetAccessKeyInfo: (input) => getAccessKeyInfo(state, input),
    },
  };
}
