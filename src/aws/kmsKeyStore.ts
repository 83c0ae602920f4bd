import { ListAliasesCommand, type KMSClient } from '@aws-sdk/client-kms';
import { callAws, nextTokenOf, type StoreContext } from './call';
import type { CallOptions, KeyAlias, KeyStore, Logger } from './types';

export class KmsKeyStore implements KeyStore {
  constructor(
    private readonly client: KMSClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
  ) {}

  /** Every alias in the region, AWS-managed ones (alias/aws/…) included. */
  async listAliases(options?: CallOptions): Promise<KeyAlias[]> {
    const aliases: KeyAlias[] = [];
    let marker: string | undefined;
    do {
      const response = await callAws(this.context, this.logger, { operation: 'ListAliases' }, options, (abortSignal) =>
        this.client.send(new ListAliasesCommand({ Limit: 100, Marker: marker }), { abortSignal }),
      );
      for (const a of response.Aliases ?? []) {
        if (a.AliasName) aliases.push({ aliasName: a.AliasName, targetKeyId: a.TargetKeyId, aliasArn: a.AliasArn });
      }
      marker = response.Truncated ? nextTokenOf(response.NextMarker, marker) : undefined;
    } while (marker);
    return aliases.sort((a, b) => a.aliasName.localeCompare(b.aliasName));
  }
}
