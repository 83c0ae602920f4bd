import * as vscode from 'vscode';
import { UserCancelled } from './feedback';

/** Returned by a step when the user pressed the Back button. */
export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK;

interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface TextStep extends StepPosition {
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** Masks the typed text (values of secrets). */
  readonly password?: boolean;
  /** Checked as the user types. */
  readonly validate?: (value: string) => string | undefined;
  /** Checked when the user presses Enter (may call AWS); the box stays open with the message when it fails. */
  readonly validateOnAccept?: (value: string) => Promise<string | undefined>;
}

/**
 * One text step of a multi-step input, with a Back button after the first step. Escape ends
 * the wizard; the caller keeps the answers given so far to offer them again.
 */
export function textStep(options: TextStep): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.step = options.step;
  box.totalSteps = options.totalSteps;
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  box.placeholder = options.placeholder;
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  box.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  box.validationMessage = options.value ? options.validate?.(options.value) : undefined;

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (result: StepResult<string> | Error) => {
      if (settled) return;
      settled = true;
      for (const d of disposables) d.dispose();
      box.dispose();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const disposables = [
      box.onDidChangeValue((value) => {
        box.validationMessage = options.validate?.(value);
      }),
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
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
        finish(value);
      }),
      box.onDidHide(() => finish(new UserCancelled())),
    ];
    box.show();
  });
}

export interface PickStep<T extends vscode.QuickPickItem> extends StepPosition {
  readonly placeholder: string;
  readonly items: readonly T[] | (() => Promise<readonly T[]>);
  /** The item to highlight, e.g. the previous answer or the default. */
  readonly active?: (item: T) => boolean;
  readonly canPickMany?: false;
}

/** One quick-pick step of a multi-step input; items may load asynchronously (shown as busy). */
export function pickStep<T extends vscode.QuickPickItem>(options: PickStep<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder;
  pick.ignoreFocusOut = true;
  pick.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (result: StepResult<T> | Error) => {
      if (settled) return;
      settled = true;
      for (const d of disposables) d.dispose();
      pick.dispose();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const disposables = [
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0];
        if (chosen) finish(chosen);
      }),
      pick.onDidHide(() => finish(new UserCancelled())),
    ];
    const show = (items: readonly T[]) => {
      pick.items = items;
      const active = options.active ? items.find(options.active) : undefined;
      if (active) pick.activeItems = [active];
    };
    if (typeof options.items === 'function') {
      pick.busy = true;
      options
        .items()
        .then((items) => {
          pick.busy = false;
          show(items);
        })
        .catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
    } else {
      show(options.items);
    }
    pick.show();
  });
}

/**
 * Runs steps in order; a step returning BACK goes to the previous one. Steps read and write a
 * shared answers object, so going back shows what was typed before.
 */
export async function runSteps(steps: readonly (() => Promise<StepResult<void>>)[]): Promise<void> {
  let index = 0;
  while (index < steps.length) {
    const result = await steps[index]();
    index = result === BACK ? Math.max(0, index - 1) : index + 1;
  }
}
