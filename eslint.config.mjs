// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import boundaries from docs: pure modules never see `vscode`; only src/aws sees the AWS SDK. */
const noVscode = { name: 'vscode', message: 'This module must stay free of the vscode API (see DESIGN.md boundaries).' };
const noAwsSdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws may import the AWS SDK; depend on the SecretStore / ParameterStore interfaces.' };
/** The SDK-backed AWS layer is a separate, lazily loaded bundle: outside src/aws only its types and its SDK-free helpers may be imported. */
const lazyAwsLayer = {
  group: ['**/aws/*', '!**/aws/types', '!**/aws/errors', '!**/aws/profileNames', '!**/aws/configPaths', '!**/aws/validation'],
  allowTypeImports: true,
  message: 'src/aws is loaded lazily (dist/aws.js): import its types with `import type`, or load it through AwsRuntimeLoader.',
};
/** The detector and the snippet generators are lazily loaded bundles too (src/bundles.ts). */
const lazyPureBundles = {
  group: ['**/detect', '**/detect/*', '**/snippets', '**/snippets/*'],
  allowTypeImports: true,
  message: 'src/detect and src/snippets load lazily (dist/detect.js, dist/snippets.js): import their types with `import type`, and their code through src/bundles.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/artifacts/**', '**/*.vsix', 'demo/workspace/**', '.bench/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', __dirname: 'readonly', module: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/aws/**', 'src/detect/**', 'src/snippets/**', 'src/cli.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noAwsSdk, lazyAwsLayer, lazyPureBundles] }] },
  },
  {
    files: ['src/aws/**/*.ts', 'src/snippets/**/*.ts', 'src/views/model/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['src/detect/**/*.ts', 'src/snippets/**/*.ts', 'src/views/model/**/*.ts', 'src/cli.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noAwsSdk] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts'],
    rules: { 'no-console': 'error' },
  },
);
