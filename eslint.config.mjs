// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// The layers of src/ and who may import whom: docs/architecture.md draws them.

/** Features: folders named for what the user does. Each is independent of the others. */
const FEATURES = ['browse', 'operate', 'protect', 'environments', 'run', 'access'];
/** Plumbing the features share: VS Code UI helpers, settings, lazy loading. */
const SHARED = ['ui', 'settings', 'loading'];
/** Pure layers: plain Node, unit-tested without VS Code. */
const PURE = ['aws', 'detect', 'snippets', 'tree', 'compare', 'references', 'policy', 'audit'];
/** Files of src/aws that never import the SDK, so code outside the lazily loaded aws.js may use them. */
const SDK_FREE_AWS = ['types', 'errors', 'profileNames', 'configFiles', 'validation', 'items', 'parameterPolicies', 'pacing'];

/** An import of `folder` (the folder itself or anything under it), from anywhere in src/. */
const anyOf = (folders) => folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]);

const noVscode = {
  name: 'vscode',
  message: 'The pure layers (aws, detect, snippets, tree, compare, references, policy, audit) and the CLI run in plain Node: no vscode import.',
};
const noAwsSdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws may import the AWS SDK; depend on the SecretStore / ParameterStore interfaces.' };
/** The SDK-backed AWS layer is a separate, lazily loaded bundle: outside src/aws only its types and its SDK-free files may be imported. */
const lazyAwsLayer = {
  group: ['**/aws/*', ...SDK_FREE_AWS.map((file) => `!**/aws/${file}`)],
  allowTypeImports: true,
  message: 'src/aws is loaded lazily (dist/aws.js): import its types with `import type`, or load it through src/loading/awsRuntimeLoader.',
};
/** The detector and the snippet generators are lazily loaded bundles too (src/loading/bundles.ts). */
const lazyPureBundles = {
  group: anyOf(['detect', 'snippets']),
  allowTypeImports: true,
  message:
    'src/detect and src/snippets load lazily (dist/detect.js, dist/snippets.js): import their types with `import type`, and their code through src/loading/bundles.ts.',
};
const noFeatures = (except) => ({
  group: anyOf(FEATURES.filter((f) => f !== except)),
  message: 'A feature never imports another feature (nor do shared or pure layers import one): move what both need into ui/, settings/ or a pure layer.',
});
const noShared = { group: anyOf(SHARED), message: 'Pure layers know nothing of VS Code plumbing (ui, settings, loading).' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/artifacts/**', '**/*.vsix', 'demo/workspace/**', '.bench/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Formatting is Prettier's job (npm run format); this turns off the rules that would fight it.
  prettier,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Each feature: no other feature, no SDK, and the lazy bundles only through src/loading (keeps activation cheap).
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noFeatures(feature), noAwsSdk, lazyAwsLayer, lazyPureBundles] }] },
  })),
  // Shared plumbing serves every feature, so it may depend on none of them.
  {
    files: SHARED.map((folder) => `src/${folder}/**/*.ts`),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noFeatures(), noAwsSdk, lazyAwsLayer, lazyPureBundles] }] },
  },
  // The composition root wires everything, still without loading the SDK or the lazy bundles at activation.
  {
    files: ['src/extension.ts', 'src/constants.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noAwsSdk, lazyAwsLayer, lazyPureBundles] }] },
  },
  // The AWS layer: the SDK is allowed here, VS Code and everything above it are not.
  {
    files: ['src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            noFeatures(),
            noShared,
            { group: anyOf(['detect', 'snippets', 'tree', 'compare', 'references', 'policy', 'audit']), message: 'The AWS layer is the bottom layer.' },
          ],
        },
      ],
    },
  },
  // The detector, the generators and the tree model: plain data in, plain data out.
  {
    files: PURE.filter((layer) => layer !== 'aws').map((layer) => `src/${layer}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noFeatures(), noShared, noAwsSdk, { ...lazyAwsLayer, allowTypeImports: true }] }],
    },
  },
  // The CLI runs in plain Node, outside VS Code, and bundles the layers it needs.
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noFeatures(), noShared, noAwsSdk] }] },
  },
  // The extension logs through its LogOutputChannel (and never a value); only the CLI prints.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts', 'src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
