// Shared by the detector tests: fixture paths and fake-secret builders. Fake
// secrets are assembled at run time so the test sources hold no secret-shaped
// literals of their own.

import path from 'node:path';
import { build } from 'esbuild';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/detect');
export const REPO_ROOT = path.resolve(__dirname, '../../..');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic pseudo-random characters (a tiny LCG: tests must be reproducible). */
export function fakeChars(length: number, seed: number, alphabet = ALNUM): string {
  let state = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

export const fake = {
  awsKeyId: (seed = 1) => `AKIA${fakeChars(16, seed, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  awsSecret: (seed = 2) => `${fakeChars(18, seed)}/${fakeChars(10, seed + 1)}+${fakeChars(10, seed + 2)}`,
  github: (seed = 3) => `ghp_${fakeChars(36, seed)}`,
  stripe: (seed = 4) => `sk_live_${fakeChars(24, seed)}`,
  slack: (seed = 5) => `xoxb-${fakeChars(12, seed, '0123456789')}-${fakeChars(13, seed + 1, '0123456789')}-${fakeChars(24, seed + 2)}`,
  password: (seed = 6) =>
    `${fakeChars(5, seed, 'abcdefghkmnpqrstuvwxz')}${fakeChars(3, seed + 1, '0123456789')}~${fakeChars(4, seed + 2, 'ABCDEFGHJKLMNPQRSTUVWXZ')}`,
  token: (seed = 7) => fakeChars(32, seed),
  hex32: (seed = 8) => fakeChars(32, seed, '0123456789abcdef'),
};

/** Bundles the CLI from the current source into `outfile`, as scripts/build.mjs does (the tests run what users run). */
export async function bundleCli(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(REPO_ROOT, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
}
