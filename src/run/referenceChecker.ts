import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { profileLabel } from '../aws/profileNames';
import type { ParameterSummary, SecretSummary } from '../aws/types';
import { parseJsonObject } from '../aws/validation';
import type { FileHeader } from '../references/file';
import type { AwsReference } from '../references/grammar';
import { scopeOf, type Scope } from '../references/resolve';
import { readRunSettings } from '../settings/settings';
import { rememberedScope, type PickerDeps } from '../ui/pickers';

/** How long an answer from AWS is trusted before it is asked again. */
const TTL_MS = 60_000;

export type Checked =
  | { readonly state: 'exists'; readonly summary: SecretSummary | ParameterSummary }
  | { readonly state: 'missing' }
  | { readonly state: 'error'; readonly message: string };

/** A JSON secret's keys (never its values), or why there are none. */
export type Keys = { readonly keys: readonly string[] } | { readonly notJson: true } | { readonly error: string };

interface Cached<T> {
  readonly at: number;
  readonly value: Promise<T>;
}

/**
 * What the editor asks AWS about references — does it exist, which keys does a JSON secret
 * have, which names start like this — with short-lived caching. Only names and keys are kept:
 * a JSON secret's value is read to learn its keys and dropped at once.
 */
export class ReferenceChecker {
  private readonly cache = new Map<string, Cached<unknown>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the answers were forgotten (a refresh, another profile or region). */
  readonly onDidForget = this.changed.event;

  constructor(private readonly deps: PickerDeps) {}

  /** The profile and region a document's references are checked in, without asking: header, settings, then the last one chosen. */
  scopeFor(header: FileHeader, uri: vscode.Uri): Scope | undefined {
    const settings = readRunSettings(vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri);
    const remembered = rememberedScope(this.deps);
    const profile = header.profile ?? settings.profile ?? remembered?.profile;
    const region = header.region ?? settings.region ?? remembered?.region;
    return profile && region ? { profile, region } : undefined;
  }

  check(reference: AwsReference, fileScope: Scope): Promise<Checked> {
    const scope = scopeOf(reference, fileScope);
    const id = reference.service === 'secretsmanager' ? reference.secretId : reference.parameterName;
    return this.cached(`exists\u0000${scope.profile}\u0000${scope.region}\u0000${reference.service}\u0000${id}`, async () => {
      try {
        const runtime = await this.deps.aws();
        const summary =
          reference.service === 'secretsmanager'
            ? await (await runtime.secrets(scope.profile, scope.region)).find(id)
            : await (await runtime.parameters(scope.profile, scope.region)).find(reference.name);
        return summary ? { state: 'exists', summary } : { state: 'missing' };
      } catch (error) {
        return { state: 'error', message: message(error) };
      }
    });
  }

  /** The keys of a JSON secret's current (or chosen) version. */
  keys(reference: AwsReference & { service: 'secretsmanager' }, fileScope: Scope): Promise<Keys> {
    const scope = scopeOf(reference, fileScope);
    const version = `${reference.versionStage ?? ''}\u0000${reference.versionId ?? ''}`;
    return this.cached(`keys\u0000${scope.profile}\u0000${scope.region}\u0000${reference.secretId}\u0000${version}`, async () => {
      try {
        const store = await (await this.deps.aws()).secrets(scope.profile, scope.region);
        const value = await store.getValue(reference.secretId, { versionStage: reference.versionStage, versionId: reference.versionId });
        const object = value.text === undefined ? undefined : parseJsonObject(value.text);
        return object ? { keys: Object.keys(object) } : { notJson: true };
      } catch (error) {
        return { error: message(error) };
      }
    });
  }

  /** Names that start with (secrets) or contain (parameters) `prefix`, for completion. */
  names(service: 'secretsmanager' | 'ssm', prefix: string, scope: Scope): Promise<readonly (SecretSummary | ParameterSummary)[]> {
    return this.cached(`names\u0000${scope.profile}\u0000${scope.region}\u0000${service}\u0000${prefix}`, async () => {
      const runtime = await this.deps.aws();
      const query = { pageSize: 100, nameFilter: prefix || undefined };
      try {
        return service === 'secretsmanager'
          ? (await (await runtime.secrets(scope.profile, scope.region)).list(query)).items
          : (await (await runtime.parameters(scope.profile, scope.region)).list(query)).items;
      } catch {
        return [];
      }
    });
  }

  where(scope: Scope): string {
    return `${scope.region}, profile ${profileLabel(scope.profile)}`;
  }

  forget(): void {
    this.cache.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }
}

function message(error: unknown): string {
  return isAwsError(error) || error instanceof Error ? error.message : String(error);
}
