/**
 * KMS ListAliases (JSON 1.1, `X-Amz-Target: TrentService.ListAliases`): the
 * extension lists aliases to offer a key when creating a secret or a
 * SecureString. Paginated with Limit / Marker / Truncated / NextMarker.
 */
import { paginate } from './pagination';
import { AwsError, compact, epochSeconds, type Handler, type Input, type RequestContext } from './protocol';
import { type EmulatorState, kmsAliasArn } from './state';

function listAliases(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const region = state.region(ctx.region);
  const limit = input.optIntInRange('Limit', 1, 100) ?? 50;
  const keyId = input.optString('KeyId');
  const aliases = [...region.kmsAliases]
    .filter((alias) => keyId === undefined || alias.targetKeyId === keyId || keyId.endsWith(`:key/${alias.targetKeyId}`))
    .sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0));
  const page = paginate(
    'ListAliases',
    aliases,
    limit,
    input.optString('Marker'),
    () => new AwsError('InvalidMarkerException', 'The marker that specifies where pagination should next begin is not valid.'),
  );
  return compact({
    Aliases: page.items.map((alias) =>
      compact({
        AliasName: alias.aliasName,
        AliasArn: kmsAliasArn(ctx.region, alias.aliasName),
        TargetKeyId: alias.targetKeyId,
        CreationDate: epochSeconds(alias.creationDate),
        LastUpdatedDate: epochSeconds(alias.lastUpdatedDate),
      }),
    ),
    NextMarker: page.nextToken,
    Truncated: page.nextToken !== undefined,
  });
}

export function kmsHandlers(state: EmulatorState): Record<string, Handler> {
  return { ListAliases: (input, ctx) => listAliases(state, input, ctx) };
}
