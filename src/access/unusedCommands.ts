import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { profileLabel } from '../aws/profileNames';
import type { SecretSummary } from '../aws/types';
import type { AccessNode } from '../audit';
import { Commands } from '../constants';
import { auditBundle } from '../loading/bundles';
import { readExplorerSettings } from '../settings/settings';
import type { ExplorerNode } from '../tree/nodes';
import { nodeScope } from '../tree/nodeScope';
import { regionsFor } from '../tree/regions';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import { resolveScope } from '../ui/pickers';
import { withProgress } from '../ui/progress';
import type { AccessDeps } from './accessDeps';
import type { UnusedState } from './accessView';

const DEFAULT_DAYS = 90;
/** ListSecrets' largest page. */
const PAGE_SIZE = 100;

/** Find Unused Secrets… on a profile or Region, and what the list offers: Delete (Operate's flow) and Tag as Reviewed. */
export function registerUnusedCommands(deps: AccessDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.findUnusedSecrets, 'Find unused secrets', async (arg?: ExplorerNode | UnusedState) => {
      // Refresh hands the shown state back: the same Regions and days again.
      if (arg && !('type' in arg)) return show(deps, arg.title, arg.days, arg.regions);
      const scope = arg ? nodeScope(arg) : undefined;
      const where = scope
        ? { profile: scope.profile.name, regions: scope.region ? [scope.region] : regionsFor(scope.profile, readExplorerSettings().regions) }
        : await resolveScope(deps).then((s) => ({ profile: s.profile, regions: [s.region] }));
      const answer = await deps.prompts.input({
        title: `Unused secrets in ${profileLabel(where.profile)} (${where.regions.join(', ')})`,
        prompt: 'Not read for at least how many days? (Secrets Manager records the day of the last read.)',
        value: String(DEFAULT_DAYS),
        validate: daysProblem,
      });
      if (answer === undefined || typeof answer === 'symbol') return;
      const title = `${profileLabel(where.profile)} (${where.regions.join(', ')})`;
      return show(
        deps,
        title,
        Number(answer.trim()),
        where.regions.map((region) => ({ profile: where.profile, region })),
      );
    }),
    registerCommand(deps, Commands.tagAsReviewed, 'Tag as reviewed', async (node?: AccessNode) => {
      const unused = requireUnused(node);
      const day = new Date().toISOString().slice(0, 10);
      const store = await (await deps.aws()).secrets(unused.ref.profile, unused.ref.region);
      await store.tag(unused.ref.arn ?? unused.ref.name, [{ key: auditBundle().REVIEWED_TAG, value: day }]);
      deps.log.info(`tagged ${unused.ref.name} as reviewed (${day})`);
      void deps.model.itemChanged(unused.ref);
      await refresh(deps);
    }),
    registerCommand(deps, Commands.deleteUnusedSecret, 'Delete unused secret', async (node?: AccessNode) => {
      const unused = requireUnused(node);
      // Operate's delete: the recovery window, its confirmation and the restore offer.
      await vscode.commands.executeCommand(Commands.delete, unused.ref);
      await refresh(deps);
    }),
  ];
}

function daysProblem(text: string): string | undefined {
  const days = Number(text.trim());
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? undefined : 'Type a whole number of days, from 1 to 3650.';
}

function requireUnused(node: AccessNode | undefined): Extract<AccessNode, { type: 'unused' }> {
  if (node?.type !== 'unused') throw new UserError('Choose a secret in the list of unused secrets (AWS Access panel).');
  return node;
}

async function refresh(deps: AccessDeps): Promise<void> {
  const state = deps.view.state;
  if (state?.kind === 'unused') await show(deps, state.title, state.days, state.regions);
}

/** Lists every secret of each Region (metadata only) and shows those not read for `days` days; a Region that fails says why, the others still show. */
async function show(deps: AccessDeps, title: string, days: number, regions: readonly { profile: string; region: string }[]): Promise<void> {
  const audit = auditBundle();
  const found = await withProgress(`Finding secrets not read for ${days} days…`, (signal, report) =>
    Promise.all(
      regions.map(async ({ profile, region }) => {
        try {
          const secrets = await listAll(deps, profile, region, signal, (n) => report(`${region}: ${n} secrets`));
          return { profile, region, report: audit.findUnusedSecrets(secrets, days, Date.now()) };
        } catch (error) {
          if (!isAwsError(error) || error.kind === 'cancelled') throw error;
          return { profile, region, problem: error.message };
        }
      }),
    ),
  );
  for (const r of found)
    deps.log.info(`unused secrets in ${r.region} (${profileLabel(r.profile)}): ${r.report ? `${r.report.unused.length} of ${r.report.checked}` : r.problem}`);
  await deps.view.show({ kind: 'unused', title, days, regions: found });
}

async function listAll(deps: AccessDeps, profile: string, region: string, signal: AbortSignal, progress: (count: number) => void): Promise<SecretSummary[]> {
  const store = await (await deps.aws()).secrets(profile, region);
  const secrets: SecretSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await store.list({ pageSize: PAGE_SIZE, nextToken, signal });
    secrets.push(...page.items);
    progress(secrets.length);
    nextToken = page.nextToken;
  } while (nextToken);
  return secrets;
}
