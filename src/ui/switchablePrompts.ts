import type { Prompts } from './prompts';

/**
 * The Prompts the extension uses: the VS Code UI, which the in-host tests can swap for a
 * scripted user through the extension's API.
 */
export class SwitchablePrompts implements Prompts {
  constructor(private current: Prompts) {}

  /** Uses `prompts` until the returned function is called. */
  use(prompts: Prompts): () => void {
    const previous = this.current;
    this.current = prompts;
    return () => {
      this.current = previous;
    };
  }

  pick: Prompts['pick'] = (items, options) => this.current.pick(items, options);
  input: Prompts['input'] = (options) => this.current.input(options);
  info: Prompts['info'] = (message, ...actions) => this.current.info(message, ...actions);
  warn: Prompts['warn'] = (message, options, ...actions) => this.current.warn(message, options, ...actions);
  error: Prompts['error'] = (message, ...actions) => this.current.error(message, ...actions);
}
