import { describeItem, type ItemRef } from '../aws/items';
import { isReplica } from '../tree/presentation';
import { UserError } from './errors';

/**
 * Refuses a change to a read-only replica of a multi-Region secret before anything is sent,
 * with where the change can be made instead. AWS refuses it too ("Operation not permitted on a
 * replica secret"); saying so first names the primary's Region and keeps the user's input.
 * `action` completes "To … ," (e.g. "change its tags"); `instead` replaces the usual advice.
 */
export function refuseReplicaWrite(ref: ItemRef, action: string, instead?: string): void {
  if (ref.service !== 'secretsmanager' || !ref.summary || !isReplica(ref.summary)) return;
  const primary = ref.summary.primaryRegion;
  throw new UserError(
    `${describeItem(ref)} is a read-only replica of the secret in ${primary}. ${instead ?? `To ${action}, make the change on the primary in ${primary}, or promote this replica to a standalone secret first.`}`,
  );
}
