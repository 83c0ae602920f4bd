import { join } from 'node:path';

/**
 * A bundle built next to extension.js (see scripts/build.mjs), required the first time it is
 * needed: the AWS SDK, the detector and the snippet generators cost nothing at activation.
 */
export function lazyBundle<T>(file: string): () => T {
  let loaded: T | undefined;
  return () => {
    // A computed path keeps esbuild from inlining the bundle into extension.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= require(join(__dirname, file)) as T;
    return loaded;
  };
}
