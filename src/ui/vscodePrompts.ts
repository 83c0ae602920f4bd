import * as vscode from 'vscode';
import { BACK, type InputOptions, type PickOptions, type Prompts } from './prompts';

/** The real UI: quick inputs with Back buttons and validation, and notifications. */
export const vscodePrompts: Prompts = {
  pick: showPick,
  input: showInput,
  info: (message, ...actions) => Promise.resolve(vscode.window.showInformationMessage(message, ...actions)),
  warn: (message, options, ...actions) =>
    Promise.resolve(vscode.window.showWarningMessage(message, { modal: options.modal, detail: options.detail }, ...actions)),
  error: (message, ...actions) => Promise.resolve(vscode.window.showErrorMessage(message, ...actions)),
};

/** Settles a quick input once, disposing it and its listeners. */
function settleOnce<R>(input: vscode.QuickInput, resolve: (value: R) => void): { finish(value: R): void; track(...d: vscode.Disposable[]): void } {
  const disposables: vscode.Disposable[] = [];
  let settled = false;
  return {
    finish(value: R) {
      if (settled) return;
      settled = true;
      for (const d of disposables) d.dispose();
      input.dispose();
      resolve(value);
    },
    track(...d: vscode.Disposable[]) {
      disposables.push(...d);
    },
  };
}

function applyStep(input: vscode.QuickInput, options: { title: string; step?: number; totalSteps?: number }): void {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.ignoreFocusOut = true;
}

function showInput(options: InputOptions): Promise<string | typeof BACK | undefined> {
  const box = vscode.window.createInputBox();
  applyStep(box, options);
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  box.placeholder = options.placeholder;
  box.password = options.password ?? false;
  box.buttons = (options.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : [];
  box.validationMessage = options.value ? options.validate?.(options.value) : undefined;

  return new Promise((resolve) => {
    const s = settleOnce<string | typeof BACK | undefined>(box, resolve);
    s.track(
      box.onDidChangeValue((value) => {
        box.validationMessage = options.validate?.(value);
      }),
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) s.finish(BACK);
      }),
      box.onDidAccept(async () => {
        const value = box.value;
        const problem = options.validate?.(value);
        if (problem) {
          box.validationMessage = problem;
          return;
        }
        if (options.validateOnAccept) {
          box.busy = true;
          box.enabled = false;
          try {
            const late = await options.validateOnAccept(value);
            if (late) {
              box.validationMessage = late;
              return;
            }
          } catch (error) {
            box.validationMessage = error instanceof Error ? error.message : String(error);
            return;
          } finally {
            box.busy = false;
            box.enabled = true;
          }
        }
        s.finish(value);
      }),
      box.onDidHide(() => s.finish(undefined)),
    );
    box.show();
  });
}

function showPick<T extends vscode.QuickPickItem>(
  items: readonly T[] | (() => Promise<readonly T[]>),
  options: PickOptions<T>,
): Promise<T | typeof BACK | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  applyStep(pick, options);
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.buttons = (options.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : [];

  return new Promise((resolve) => {
    const s = settleOnce<T | typeof BACK | undefined>(pick, resolve);
    const show = (list: readonly T[]) => {
      pick.items = list;
      const active = options.active ? list.find(options.active) : undefined;
      if (active) pick.activeItems = [active];
    };
    // Loads are numbered so a slow answer never overwrites a newer one.
    let generation = 0;
    const load = (task: () => Promise<readonly T[]>) => {
      const mine = ++generation;
      pick.busy = true;
      task()
        .then((list) => {
          if (mine === generation) show(list);
        })
        .catch((error: unknown) => {
          // alwaysShow keeps the explanation visible whatever the user has typed.
          if (mine === generation) pick.items = [{ label: `$(error) ${error instanceof Error ? error.message : String(error)}`, alwaysShow: true } as T];
        })
        .finally(() => {
          if (mine === generation) pick.busy = false;
        });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    s.track(
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) s.finish(BACK);
      }),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0];
        // The error line is not a choice.
        if (chosen && !chosen.label.startsWith('$(error) ')) s.finish(chosen);
      }),
      pick.onDidHide(() => {
        if (timer) clearTimeout(timer);
        s.finish(undefined);
      }),
    );
    if (options.search) {
      const search = options.search;
      // Typing searches on the server, debounced so a burst of keys is one call.
      s.track(
        pick.onDidChangeValue((value) => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => load(() => search(value)), 250);
        }),
      );
    }
    if (typeof items === 'function') load(items);
    else show(items);
    pick.show();
  });
}
