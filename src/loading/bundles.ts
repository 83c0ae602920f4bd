import { lazyBundle } from './lazyBundle';

/** The detector (dist/detect.js), loaded when the first document is scanned. */
export const detectBundle = lazyBundle<typeof import('../detect')>('detect.js');

/** The code generators (dist/snippets.js), loaded on the first snippet or quick fix. */
export const snippetsBundle = lazyBundle<typeof import('../snippets')>('snippets.js');
