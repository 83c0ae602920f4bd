// A scripted user for in-host tests: answers the extension's questions in order, and records
// every question and message so tests can assert on them (and that none shows a value).
// Everything else — commands, tree, documents, clipboard, AWS calls — is the real thing.
import type * as vscode from 'vscode';
import type { TestHooks } from '../../../src/ui/testHooks';
import { BACK, type InputOptions, type MessageOptions, type PickOptions, type Prompts } from '../../../src/ui/prompts';
import { activateProduct } from './helpers';

type Matcher = string | RegExp;

/** One answer, in the order the questions come. `title` (when given) must match the question's title/prompt. */
/** `meanwhile`: something the user does while this question is open (e.g. type in the editor), run before answering. */
type Meanwhile = { meanwhile?: () => Promise<void> };

export type Answer = Meanwhile &
  (
    | { pick: Matcher; search?: string; title?: Matcher }
    /** `refused`: the question's validation must refuse this answer with a matching message; the next answer is typed instead. */
    | { input: string; title?: Matcher; refused?: RegExp }
    /** Press Enter on what the question shows already: the prefilled text, or the highlighted item. */
    | { accept: true; title?: Matcher }
    | { confirm: string; title?: Matcher }
    | { button: string; title?: Matcher }
    | { back: true; title?: Matcher }
    | { dismiss: true; title?: Matcher }
  );

export interface Shown {
  readonly level: 'info' | 'warn' | 'error' | 'question';
  readonly text: string;
}

const stripIcons = (label: string) => label.replace(/\$\([a-z-]+\)\s*/g, '').trim();
const matches = (matcher: Matcher, text: string) => (typeof matcher === 'string' ? text === matcher : matcher.test(text));

export class ScriptedUser implements Prompts {
  readonly shown: Shown[] = [];
  private readonly answers: Answer[];
  /** Set when the script and the questions disagree; `done()` reports it. */
  private problem: string | undefined;

  constructor(answers: Answer[]) {
    this.answers = [...answers];
  }

  async pick<T extends vscode.QuickPickItem>(
    items: readonly T[] | (() => Promise<readonly T[]>),
    options: PickOptions<T>,
  ): Promise<T | typeof BACK | undefined> {
    const question = `${options.title} ${options.placeholder ?? ''}`.trim();
    this.shown.push({ level: 'question', text: question });
    const answer = await this.next(question, ['pick', 'accept', 'back', 'dismiss']);
    if (!answer || 'dismiss' in answer) return undefined;
    if ('back' in answer) return BACK;
    if ('accept' in answer) {
      const list = typeof items === 'function' ? await items() : items;
      const active = options.active ? list.find(options.active) : undefined;
      if (!active) this.fail(`“${question}” highlights no item to accept`);
      return active;
    }
    if (!('pick' in answer)) return undefined;
    const list = answer.search !== undefined && options.search ? await options.search(answer.search) : typeof items === 'function' ? await items() : items;
    for (const item of list) this.shown.push({ level: 'question', text: `${item.label} ${item.description ?? ''} ${item.detail ?? ''}` });
    const chosen = list.find((item) => matches(answer.pick, stripIcons(item.label)));
    if (!chosen) {
      this.fail(`no item matching ${String(answer.pick)} in “${question}”; items: ${list.map((i) => stripIcons(i.label)).join(' | ')}`);
      return undefined;
    }
    return chosen;
  }

  async input(options: InputOptions): Promise<string | typeof BACK | undefined> {
    const question = `${options.title} ${options.prompt}`;
    this.shown.push({ level: 'question', text: question });
    for (;;) {
      const answer = await this.next(question, ['input', 'accept', 'back', 'dismiss']);
      if (!answer || 'dismiss' in answer) return undefined;
      if ('back' in answer) return BACK;
      if ('accept' in answer) return options.value ?? '';
      if (!('input' in answer)) return undefined;
      // The real input box does not accept a value its validation refuses: neither does the script.
      const refused = options.validate?.(answer.input) ?? (await options.validateOnAccept?.(answer.input));
      if (refused) this.shown.push({ level: 'error', text: refused });
      if (answer.refused) {
        if (!refused || !answer.refused.test(refused)) {
          this.fail(`“${question}” should have refused ${JSON.stringify(answer.input)} with ${String(answer.refused)}, but said: ${refused ?? 'nothing'}`);
          return undefined;
        }
        continue; // the box stays open: the next answer is typed into it
      }
      if (refused) {
        this.fail(`“${question}” refused the scripted answer: ${refused}`);
        return undefined;
      }
      return answer.input;
    }
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.message('info', message, actions);
  }

  async warn(message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    if (!options.modal) return this.message('warn', message, actions);
    this.shown.push({ level: 'warn', text: `${message} ${options.detail ?? ''}` });
    const answer = await this.next(message, ['confirm', 'dismiss']);
    if (!answer || !('confirm' in answer)) return undefined;
    if (!actions.includes(answer.confirm)) this.fail(`“${message}” has no button ${answer.confirm}; it has ${actions.join(', ')}`);
    return answer.confirm;
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.message('error', message, actions);
  }

  /** Messages of a level, e.g. to check what the user was told. */
  messages(level: Shown['level']): string[] {
    return this.shown.filter((s) => s.level === level).map((s) => s.text);
  }

  /** Throws if the script was not followed or not used up. */
  done(): void {
    if (this.problem) throw new Error(this.problem);
    if (this.answers.length > 0) throw new Error(`unused scripted answers: ${JSON.stringify(this.answers)}; shown: ${JSON.stringify(this.shown.slice(-5))}`);
  }

  /** Notifications take a scripted button only when the next answer is one. */
  private message(level: 'info' | 'warn' | 'error', message: string, actions: string[]): string | undefined {
    this.shown.push({ level, text: message });
    const next = this.answers[0];
    if (next && 'button' in next && (!next.title || matches(next.title, message))) {
      this.answers.shift();
      if (!actions.includes(next.button)) this.fail(`“${message}” has no button ${next.button}; it has ${actions.join(', ')}`);
      return next.button;
    }
    return undefined;
  }

  private async next(question: string, kinds: string[]): Promise<Answer | undefined> {
    const answer = this.answers.shift();
    await answer?.meanwhile?.();
    if (!answer) {
      this.fail(`no scripted answer left for “${question}”`);
      return undefined;
    }
    if (!kinds.some((kind) => kind in answer)) {
      this.fail(`“${question}” got the answer ${JSON.stringify(answer)}`);
      return undefined;
    }
    if (answer.title && !matches(answer.title, question)) {
      this.fail(`expected a question matching ${String(answer.title)}, got “${question}”`);
      return undefined;
    }
    return answer;
  }

  private fail(problem: string): void {
    this.problem ??= problem;
  }
}

/** Runs `action` with the extension answering from `answers`; returns the scripted user for assertions. */
/** The answers to "where?" in the demo session: profile demo, us-east-1 (asked before every write that comes from a file). */
export const WHERE: Answer[] = [
  { pick: 'demo', title: /AWS profile/ },
  { pick: 'us-east-1', title: /Region for demo/ },
];

export async function asUser(answers: Answer[], action: () => Thenable<unknown> | Promise<unknown>): Promise<ScriptedUser> {
  const api = await activateProduct<TestHooks>();
  const user = new ScriptedUser(answers);
  const restore = api.usePrompts(user);
  try {
    await action();
  } finally {
    restore();
  }
  user.done();
  return user;
}
