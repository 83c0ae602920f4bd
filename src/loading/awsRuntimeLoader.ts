import type { AwsRuntime, AwsRuntimeOptions } from '../aws/types';
import { lazyBundle } from './lazyBundle';

const awsBundle = lazyBundle<typeof import('../aws/runtime')>('aws.js');

/**
 * Loads the AWS layer (dist/aws.js, which carries the AWS SDK) on first use, so activation
 * pays nothing for it. Tests and the CLI import `./aws/runtime` directly instead.
 */
export class AwsRuntimeLoader {
  private runtime: AwsRuntime | undefined;
  private readonly loadedListeners: ((runtime: AwsRuntime) => void)[] = [];

  constructor(private readonly options: AwsRuntimeOptions) {}

  /** The runtime, loading it on the first call. */
  get = async (): Promise<AwsRuntime> => {
    if (!this.runtime) {
      this.runtime = awsBundle().createAwsRuntime(this.options);
      for (const listener of this.loadedListeners) listener(this.runtime);
    }
    return this.runtime;
  };

  /** The runtime if it has been loaded, without loading it. */
  peek(): AwsRuntime | undefined {
    return this.runtime;
  }

  /** Runs `listener` once the runtime is loaded (immediately if it already is). */
  onLoaded(listener: (runtime: AwsRuntime) => void): void {
    if (this.runtime) listener(this.runtime);
    else this.loadedListeners.push(listener);
  }

  dispose(): void {
    this.runtime?.dispose();
  }
}
