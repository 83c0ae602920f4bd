import { describeItem, managedRefusal, secretId, type ItemRef } from '../aws/items';
import type { AwsRuntime } from '../aws/types';
import { isReplica } from '../tree/presentation';
import { UserError } from './errors';
import { withProgress } from './progress';

/** What a write was for, in the two forms the refusals need. */
export interface WriteAction {
  /** "Deleting it": what the owner of a service-managed secret does instead. */
  readonly doing: string;
  /** "delete it": completes "To …, make the change on the primary". */
  readonly to: string;
  /** Replaces the usual advice for a replica (e.g. how to delete one). */
  readonly onReplica?: string;
}

/**
 * Refuses, before anything is sent, a write that is not the user's to make on this secret: one
 * another service owns (RDS and the like control its value, rotation, tags and deletion) or a
 * read-only replica of a multi-Region secret (its primary does). AWS refuses both too; saying so
 * first names where to make the change. The menus already hide these actions; this catches the
 * palette and hand-overs. Uses the metadata the item came with, else DescribeSecret.
 */
export async function refuseControlledWrite(aws: () => Promise<AwsRuntime>, target: ItemRef, action: WriteAction): Promise<void> {
  if (target.service !== 'secretsmanager') return;
  const summary =
    target.summary ??
    (await withProgress(`Reading ${target.name}…`, async (signal) =>
      (await (await aws()).secrets(target.profile, target.region)).find(secretId(target), { signal }),
    ));
  if (!summary) return;
  if (summary.owningService) throw new UserError(managedRefusal(target.name, summary, action.doing));
  if (isReplica(summary)) {
    const primary = summary.primaryRegion;
    throw new UserError(
      `${describeItem(target)} is a read-only replica of the secret in ${primary}. ${action.onReplica ?? `To ${action.to}, make the change on the primary in ${primary}, or promote this replica to a standalone secret first.`}`,
    );
  }
}
