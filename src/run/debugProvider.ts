import * as vscode from 'vscode';
import { LAUNCH_ATTRIBUTE } from '../constants';
import { readRunSettings } from '../settings/settings';
import { reportError } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { referencesUri, resolveEnvironment } from './environment';

/** `"awsSecrets": { "envFile": "…", "profile": "…", "region": "…" }` in a launch configuration; `false` turns the default file off. */
interface LaunchAttribute {
  readonly envFile?: unknown;
  readonly profile?: unknown;
  readonly region?: unknown;
}

/**
 * F5 for every debug type: a launch configuration that names a references file (its
 * `awsSecrets` attribute, or the `awsSecrets.run.envFile` setting) gets the resolved values in
 * its `env`, after VS Code has substituted its variables. The launch configuration's own `env`
 * entries win, as with `envFile`. The values live in the resolved configuration only, which
 * VS Code hands to the debugger and does not store.
 */
export class SecretsDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly deps: FeatureDeps) {}

  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const attribute: unknown = config[LAUNCH_ATTRIBUTE];
    if (attribute === false || attribute === null) return config;
    const named = typeof attribute === 'object' ? (attribute as LaunchAttribute) : {};
    const envFile = typeof named.envFile === 'string' && named.envFile.trim() ? named.envFile : readRunSettings(folder?.uri).envFile;
    if (!envFile) {
      if (attribute !== undefined)
        void this.deps.prompts.error(
          `The launch configuration “${config.name}” has "${LAUNCH_ATTRIBUTE}" but no envFile, and awsSecrets.run.envFile is not set.`,
        );
      return attribute === undefined ? config : undefined;
    }
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    try {
      const { values } = await resolveEnvironment(this.deps, { uri: referencesUri(envFile, folder), profile: text(named.profile), region: text(named.region) });
      const own = typeof config.env === 'object' && config.env !== null ? (config.env as Record<string, string | null>) : {};
      this.deps.log.info(
        `launch “${config.name}” (${config.type}): ${Object.keys(values).length} variables from ${vscode.workspace.asRelativePath(referencesUri(envFile, folder))}`,
      );
      return { ...config, env: { ...values, ...own } };
    } catch (error) {
      // Returning undefined stops the launch; the message says which reference and line.
      void reportError(this.deps.log, this.deps.prompts, `Launch “${config.name}”`, error);
      return undefined;
    }
  }
}
