import { lazyBundle } from './lazyBundle';

/** The detector (dist/detect.js), loaded when the first document is scanned. */
export const detectBundle = lazyBundle<typeof import('../detect')>('detect.js');

/** The code generators (dist/snippets.js), loaded on the first snippet or quick fix. */
export const snippetsBundle = lazyBundle<typeof import('../snippets')>('snippets.js');

/** The Access feature's audit logic (dist/audit.js): access histories, unused secrets. */
export const auditBundle = lazyBundle<typeof import('../audit')>('audit.js');

/** Least-privilege policies and resource-policy documents (dist/policy.js), loaded on the first policy command. */
export const policyBundle = lazyBundle<typeof import('../policy')>('policy.js');
