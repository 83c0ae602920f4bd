import type { AwsRuntime, KeyAlias } from '../aws/types';
import type { Scope } from './pickers';

export interface KmsItem {
  readonly label: string;
  readonly description?: string;
  readonly alias: string;
}

/**
 * The KMS keys to offer for encrypting a value: the service's AWS managed key first (marked
 * default), then the region's customer aliases. Other services' managed keys are left out.
 */
export async function kmsAliasItems(aws: () => Promise<AwsRuntime>, scope: Scope, defaultAlias: string): Promise<KmsItem[]> {
  return kmsItemsFrom(await (await (await aws()).keys(scope.profile, scope.region)).listAliases(), defaultAlias);
}

/** The same list, from aliases already read. */
export function kmsItemsFrom(aliases: readonly KeyAlias[], defaultAlias: string): KmsItem[] {
  const items: KmsItem[] = aliases
    .filter((a) => !a.aliasName.startsWith('alias/aws/') || a.aliasName === defaultAlias)
    .map((a) => ({ label: a.aliasName, description: a.aliasName === defaultAlias ? 'AWS managed key (default)' : a.targetKeyId, alias: a.aliasName }));
  if (!items.some((i) => i.alias === defaultAlias)) items.unshift({ label: defaultAlias, description: 'AWS managed key (default)', alias: defaultAlias });
  return items.sort((a, b) => (a.alias === defaultAlias ? -1 : b.alias === defaultAlias ? 1 : a.alias.localeCompare(b.alias)));
}
