import type * as vscode from 'vscode';
import { itemOnly, secretId, type ItemRef } from '../aws/items';
import type { Tag } from '../aws/types';
import { parseTags } from '../aws/validation';
import { Commands } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import { UserCancelled } from '../ui/errors';
import { resolveItem } from '../ui/pickers';
import { refuseControlledWrite } from '../ui/writeGuard';
import { withProgress } from '../ui/progress';
import { ask, choose } from '../ui/wizard';
import type { OperateDeps } from './operateDeps';

interface TagOps {
  list(signal: AbortSignal): Promise<Tag[]>;
  set(tags: Tag[], signal: AbortSignal): Promise<void>;
  remove(keys: string[], signal: AbortSignal): Promise<void>;
}

type TagChoice = { label: string; action: 'add' } | { label: string; action: 'done' } | { label: string; description: string; action: 'tag'; tag: Tag };

/** Add, change and remove tags of a secret or parameter, one change at a time until Done. */
export function registerTagCommands(deps: OperateDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, Commands.editTags, 'Edit tags', async (node?: ExplorerNode | ItemRef) => {
      const target = itemOnly(await resolveItem(deps, node, ['secretsmanager', 'ssm']));
      await refuseControlledWrite(deps.aws, target, { doing: 'Editing its tags', to: 'change its tags' });
      const ops = await tagOps(deps, target);
      let changed = false;
      try {
        for (;;) {
          const tags = await withProgress(`Reading the tags of ${target.name}…`, (signal) => ops.list(signal));
          const picked = await choose<TagChoice>(deps.prompts, {
            title: `Tags of ${target.name}`,
            placeholder: 'Choose a tag to change or remove, or add tags',
            items: [
              { label: '$(add) Add tags…', action: 'add' },
              ...tags.map((tag) => ({ label: tag.key, description: tag.value, action: 'tag' as const, tag })),
              { label: '$(check) Done', action: 'done' },
            ],
          });
          if (picked.action === 'done') return;
          if (picked.action === 'add') {
            const typed = await ask(deps.prompts, {
              title: `Add tags to ${target.name}`,
              prompt: 'key=value, key2=value2 — an existing key gets the new value',
              validate: (v) => {
                const parsed = parseTags(v);
                return 'problem' in parsed ? parsed.problem : parsed.tags.length === 0 ? 'Enter at least one key=value.' : undefined;
              },
            });
            const parsed = parseTags(typed);
            if ('tags' in parsed) {
              await withProgress(`Tagging ${target.name}…`, (signal) => ops.set(parsed.tags, signal));
              changed = true;
            }
            continue;
          }
          if (picked.action !== 'tag') continue;
          const tag = picked.tag;
          const action = await choose(deps.prompts, {
            title: `Tag ${tag.key}`,
            items: [
              { label: '$(edit) Change value', remove: false },
              { label: '$(trash) Remove tag', remove: true },
            ],
          });
          if (action.remove) {
            await withProgress(`Removing tag ${tag.key}…`, (signal) => ops.remove([tag.key], signal));
          } else {
            const value = await ask(deps.prompts, {
              title: `Value of tag ${tag.key}`,
              prompt: 'New value',
              value: tag.value,
              validate: (v) => (v.length > 256 ? 'At most 256 characters.' : undefined),
            });
            await withProgress(`Tagging ${target.name}…`, (signal) => ops.set([{ key: tag.key, value }], signal));
          }
          changed = true;
        }
      } catch (error) {
        // Escape anywhere in the loop just ends editing; the changes made so far stay.
        if (!(error instanceof UserCancelled)) throw error;
      } finally {
        if (changed) await deps.model.itemChanged(target);
      }
    }),
  ];
}

async function tagOps(deps: OperateDeps, target: ItemRef): Promise<TagOps> {
  const runtime = await deps.aws();
  if (target.service === 'secretsmanager') {
    const store = await runtime.secrets(target.profile, target.region);
    const id = secretId(target);
    return {
      list: async (signal) => [...(await store.describe(id, { signal })).tags],
      set: (tags, signal) => store.tag(id, tags, { signal }),
      remove: (keys, signal) => store.untag(id, keys, { signal }),
    };
  }
  const store = await runtime.parameters(target.profile, target.region);
  return {
    list: (signal) => store.listTags(target.name, { signal }),
    set: (tags, signal) => store.addTags(target.name, tags, { signal }),
    remove: (keys, signal) => store.removeTags(target.name, keys, { signal }),
  };
}
