import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { callAws, type StoreContext } from './call';
import type { CallerIdentity, CallOptions, IdentityStore, Logger } from './types';

export class StsIdentityStore implements IdentityStore {
  constructor(
    private readonly client: STSClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
  ) {}

  async callerIdentity(options?: CallOptions): Promise<CallerIdentity> {
    const response = await callAws(this.context, this.logger, { operation: 'GetCallerIdentity' }, options, (abortSignal) =>
      this.client.send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    return { account: response.Account ?? '', arn: response.Arn ?? '', userId: response.UserId };
  }

  async accessKeyAccount(accessKeyId: string, options?: CallOptions): Promise<string> {
    const response = await callAws(this.context, this.logger, { operation: 'GetAccessKeyInfo', resource: accessKeyId }, options, (abortSignal) =>
      this.client.send(new GetAccessKeyInfoCommand({ AccessKeyId: accessKeyId }), { abortSignal }),
    );
    return response.Account ?? '';
  }
}
