import { managedRefusal, secretId, type ItemRef } from '../aws/items';
import { UserError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import type { OperateDeps } from './operateDeps';

/**
 * Refuses an action the owner of a service-managed secret controls (value, rotation, labels,
 * tags, deletion), saying where to do it instead. The menus already hide these actions; this
 * catches the palette and hand-overs. Uses the metadata the item came with, else DescribeSecret.
 */
export async function refuseIfManaged(deps: OperateDeps, target: ItemRef, action: string): Promise<void> {
  if (target.service !== 'secretsmanager') return;
  const summary =
    target.summary ??
    (await withProgress(`Reading ${target.name}…`, async (signal) =>
      (await (await deps.aws()).secrets(target.profile, target.region)).find(secretId(target), { signal }),
    ));
  if (summary?.owningService) throw new UserError(managedRefusal(target.name, summary, action));
}
