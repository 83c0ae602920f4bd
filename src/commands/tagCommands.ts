import * as vscode from 'vscode';
import type { Tag } from '../aws/types';
import { parseTags } from '../aws/validation';
import { Commands } from '../constants';
import type { ExplorerNode } from '../views/model/nodes';
import type { CommandDeps } from './shared/deps';
import { registerCommand, UserCancelled, withProgress } from './shared/feedback';
import { resolveItem } from './shared/pickers';
import { secretId, treeItemChanged, type ItemTarget } from './shared/targets';

interface TagOps {
  list(signal: AbortSignal): Promise<Tag[]>;
  set(tags: Tag[], signal: AbortSignal): Promise<void>;
  remove(keys: string[], signal: AbortSignal): Promise<void>;
}

/** Add, change and remove tags of a secret or parameter, one change at a time until Done. */
export function registerTagCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerCommand(deps.log, Commands.editTags, 'Edit tags', async (node?: ExplorerNode | ItemTarget) => {
      const target = await resolveItem(deps, node, ['secret', 'parameter']);
      const ops = await tagOps(deps, target);
      let changed = false;
      try {
        for (;;) {
          const tags = await withProgress(`Reading the tags of ${target.name}…`, (signal) => ops.list(signal));
          const ADD = '$(add) Add tags…';
          const DONE = '$(check) Done';
          const picked = await vscode.window.showQuickPick(
            [{ label: ADD }, ...tags.map((t) => ({ label: t.key, description: t.value, tag: t })), { label: DONE }],
            { title: `Tags of ${target.name}`, placeHolder: 'Choose a tag to change or remove, or add tags' },
          );
          if (!picked || picked.label === DONE) return;
          if (picked.label === ADD) {
            const typed = await vscode.window.showInputBox({
              title: `Add tags to ${target.name}`,
              prompt: 'key=value, key2=value2 — an existing key gets the new value',
              validateInput: (v) => {
                const parsed = parseTags(v);
                return 'problem' in parsed ? parsed.problem : parsed.tags.length === 0 ? 'Enter at least one key=value.' : undefined;
              },
            });
            if (!typed) continue;
            const parsed = parseTags(typed);
            if ('tags' in parsed) {
              await withProgress(`Tagging ${target.name}…`, (signal) => ops.set(parsed.tags, signal));
              changed = true;
            }
            continue;
          }
          const tag = (picked as { tag?: Tag }).tag;
          if (!tag) continue;
          const action = await vscode.window.showQuickPick(['$(edit) Change value', '$(trash) Remove tag'], { title: `Tag ${tag.key}` });
          if (!action) continue;
          if (action.includes('Remove')) {
            await withProgress(`Removing tag ${tag.key}…`, (signal) => ops.remove([tag.key], signal));
          } else {
            const value = await vscode.window.showInputBox({ title: `Value of tag ${tag.key}`, value: tag.value, validateInput: (v) => (v.length > 256 ? 'At most 256 characters.' : undefined) });
            if (value === undefined) continue;
            await withProgress(`Tagging ${target.name}…`, (signal) => ops.set([{ key: tag.key, value }], signal));
          }
          changed = true;
        }
      } catch (error) {
        if (!(error instanceof UserCancelled)) throw error;
      } finally {
        if (changed) await treeItemChanged(deps.model, target);
      }
    }),
  ];
}

async function tagOps(deps: CommandDeps, target: ItemTarget): Promise<TagOps> {
  const runtime = await deps.aws();
  if (target.kind === 'secret') {
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
