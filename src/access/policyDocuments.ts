import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { describeItem, type SecretRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import type { AwsRuntime } from '../aws/types';
import { policyBundle } from '../loading/bundles';
import type { TextSpan } from '../policy';
import { DocumentProvider } from '../ui/documentProvider';
import type { Log } from '../ui/logging';
import type { Prompts } from '../ui/prompts';

/** A secret's resource policy as an editable document: saving validates it with AWS, then stores it. */
export const POLICY_SCHEME = 'awssecrets-policy';

/** What is remembered about an open policy document: the policy it was based on (a hash), to notice a change made in AWS meanwhile. */
interface PolicyState {
  base: string;
  size: number;
  mtime: number;
}

/**
 * Serves resource policies as documents, as Operate serves values: stored only on the user's own
 * save (never auto-save), an unchanged text stores nothing, a policy changed in AWS since the
 * document opened is overwritten only after asking. Before anything is stored, the JSON is checked
 * here and then by AWS (ValidateResourcePolicy); its findings become diagnostics in the document
 * and the text stays as typed. Stored with BlockPublicPolicy (SecretStore.putResourcePolicy).
 */
export class PolicyDocuments extends DocumentProvider implements vscode.FileSystemProvider, vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('aws-secrets-lens-policy');
  private readonly states = new Map<string, PolicyState>();
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();

  constructor(
    private readonly aws: () => Promise<AwsRuntime>,
    private readonly log: Log,
    private readonly prompts: Prompts,
  ) {
    super();
  }

  /** Reads the secret's policy (or a starting one when it has none) and returns the document to open. */
  async prepare(given: SecretRef, signal?: AbortSignal): Promise<{ uri: vscode.Uri; existed: boolean }> {
    // The ARN: the starting policy names the secret's account, and the document keeps to this very secret.
    const arn = given.arn ?? (await (await (await this.aws()).secrets(given.profile, given.region)).describe(given.name, { signal })).arn;
    const ref = { ...given, arn };
    const stored = await this.read(ref, signal);
    const uri = policyUri(ref);
    const text = stored === undefined ? policyBundle().starterPolicy(ref.arn ?? '') : policyBundle().policyText(stored);
    const content = Buffer.from(text, 'utf8');
    this.primed.set(uri.toString(), content);
    this.states.set(uri.toString(), { base: digest(stored), size: content.byteLength, mtime: Date.now() });
    return { uri, existed: stored !== undefined };
  }

  noteSaveReason(uri: vscode.Uri, reason: vscode.TextDocumentSaveReason): void {
    if (uri.scheme === POLICY_SCHEME) this.saveReasons.set(uri.toString(), reason);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const state = this.states.get(uri.toString());
    return { type: vscode.FileType.File, ctime: 0, mtime: state?.mtime ?? 0, size: state?.size ?? 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const primed = this.takePrimed(uri);
    if (primed) return primed;
    const key = uri.toString();
    const ref = refOfPolicyUri(uri);
    const stored = await this.read(ref);
    const content = Buffer.from(stored === undefined ? policyBundle().starterPolicy(ref.arn ?? '') : policyBundle().policyText(stored), 'utf8');
    this.states.set(key, { base: digest(stored), size: content.byteLength, mtime: Date.now() });
    return content;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const key = uri.toString();
    const ref = refOfPolicyUri(uri);
    const reason = this.saveReasons.get(key);
    this.saveReasons.delete(key);
    if (reason !== vscode.TextDocumentSaveReason.Manual) {
      this.log.info(`resource policy of ${ref.name} not stored: saved by ${reason === undefined ? 'something other than the user' : 'auto-save'}`);
      throw new Error('Not stored in AWS: a resource policy is stored only when you save it yourself (Ctrl+S), never by auto-save. Your text is kept.');
    }
    const text = Buffer.from(content).toString('utf8');
    const policy = policyBundle();
    // Every check happens before anything is stored; a refused save leaves the text as typed.
    const syntax = policy.syntaxProblems(text);
    if (syntax.length) {
      this.show(
        uri,
        text,
        syntax.map((p) => ({ span: p, message: p.message })),
      );
      throw new Error(`Not saved: the policy is not valid JSON (${syntax.length} problem${syntax.length === 1 ? '' : 's'}, see Problems). Your text is kept.`);
    }
    const store = await (await this.aws()).secrets(ref.profile, ref.region);
    const id = ref.arn ?? ref.name;
    let validation;
    try {
      validation = await store.validateResourcePolicy(id, text);
    } catch (error) {
      // A document AWS cannot read as a policy at all (MalformedPolicyDocumentException) is a finding too.
      if (!isAwsError(error) || error.kind !== 'invalidInput') throw error;
      validation = { passed: false, errors: [{ checkName: error.code, message: error.detail ?? error.message }] };
    }
    if (!validation.passed) {
      this.show(
        uri,
        text,
        validation.errors.flatMap((e) =>
          policy.findingSpans(text, e).map((span) => ({ span, message: `${e.checkName ? `${e.checkName}: ` : ''}${e.message}` })),
        ),
      );
      const first = validation.errors[0];
      throw new Error(
        `Not saved: AWS's ValidateResourcePolicy refused the policy${first ? ` (${first.checkName ?? ''}${first.checkName ? ': ' : ''}${first.message})` : ''}. See Problems; your text is kept.`,
      );
    }
    this.diagnostics.delete(uri);
    const state = this.states.get(key) ?? { base: digest(await this.read(ref)), size: 0, mtime: 0 };
    const now = await this.read(ref);
    if (digest(now) !== state.base) {
      const choice = await this.prompts.warn(
        `The resource policy of ${ref.name} changed in AWS after you opened it. Overwrite it with your text?`,
        { modal: true, detail: 'Resource policies have no version history: the policy written meanwhile would be lost.' },
        'Overwrite',
      );
      if (choice !== 'Overwrite') throw new Error(`Not saved: the resource policy of ${ref.name} changed in AWS meanwhile. Your text is kept.`);
    }
    await store.putResourcePolicy(id, text);
    this.states.set(key, { base: digest(await this.read(ref)), size: content.byteLength, mtime: Date.now() });
    this.log.info(`stored the resource policy of ${ref.name} (${ref.region}, ${profileLabel(ref.profile)}) with BlockPublicPolicy`);
    void this.prompts.info(`Stored the resource policy of ${describeItem(ref)}, with public access blocked.`);
  }

  forget(uri: vscode.Uri): void {
    this.primed.delete(uri.toString());
    this.states.delete(uri.toString());
    this.saveReasons.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  private async read(ref: SecretRef, signal?: AbortSignal): Promise<string | undefined> {
    return (await (await this.aws()).secrets(ref.profile, ref.region)).getResourcePolicy(ref.arn ?? ref.name, { signal });
  }

  private show(uri: vscode.Uri, text: string, problems: readonly { span: TextSpan; message: string }[]): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const position = (offset: number) => document?.positionAt(offset) ?? positionIn(text, offset);
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(position(p.span.offset), position(p.span.offset + p.span.length)),
          p.message,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'ValidateResourcePolicy';
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

/** Which policy a stored text was: compared by hash, so the policy is not kept in memory for it. */
function digest(stored: string | undefined): string {
  return stored === undefined ? 'none' : createHash('sha256').update(stored).digest('base64');
}

function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset).split('\n');
  return new vscode.Position(before.length - 1, before.at(-1)!.length);
}

/** `awssecrets-policy:/demo/us-east-1/prod/payments/db (resource policy).json?…` */
export function policyUri(ref: SecretRef): vscode.Uri {
  const query = new URLSearchParams({ profile: ref.profile, region: ref.region, name: ref.name, ...(ref.arn ? { arn: ref.arn } : {}) });
  return vscode.Uri.from({
    scheme: POLICY_SCHEME,
    path: `/${profileLabel(ref.profile)}/${ref.region}/${ref.name} (resource policy).json`,
    query: query.toString(),
  });
}

export function refOfPolicyUri(uri: vscode.Uri): SecretRef {
  const q = new URLSearchParams(uri.query);
  return {
    service: 'secretsmanager',
    profile: q.get('profile') ?? '',
    region: q.get('region') ?? '',
    name: q.get('name') ?? '',
    arn: q.get('arn') ?? undefined,
  };
}
