import type * as vscode from 'vscode';
import { BACK, type InputOptions, type PickOptions, type Prompts } from './prompts';
import { UserCancelled } from './errors';

export { BACK };
export type StepResult<T> = T | typeof BACK;

type Items<T> = readonly T[] | (() => Promise<readonly T[]>);

/** A step's answer, or BACK; dismissing the question ends the command quietly. */
export async function askPick<T extends vscode.QuickPickItem>(prompts: Prompts, options: PickOptions<T> & { items: Items<T> }): Promise<StepResult<T>> {
  const answer = await prompts.pick(options.items, options);
  if (answer === undefined) throw new UserCancelled();
  return answer;
}

export async function askInput(prompts: Prompts, options: InputOptions): Promise<StepResult<string>> {
  const answer = await prompts.input(options);
  if (answer === undefined) throw new UserCancelled();
  return answer;
}

/** A single question (no Back button): its answer, or UserCancelled. */
export async function choose<T extends vscode.QuickPickItem>(
  prompts: Prompts,
  options: Omit<PickOptions<T>, 'step' | 'totalSteps'> & { items: Items<T> },
): Promise<T> {
  const answer = await askPick(prompts, options);
  if (answer === BACK) throw new UserCancelled();
  return answer;
}

export async function ask(prompts: Prompts, options: Omit<InputOptions, 'step' | 'totalSteps'>): Promise<string> {
  const answer = await askInput(prompts, options);
  if (answer === BACK) throw new UserCancelled();
  return answer;
}

/** A modal confirmation: resolves when the user chose `action`, else ends the command quietly. */
export async function confirm(prompts: Prompts, message: string, detail: string, action: string): Promise<void> {
  if ((await prompts.warn(message, { modal: true, detail }, action)) !== action) throw new UserCancelled();
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
