import { createHmac, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { itemOnly, secretId, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import type { AwsRuntime, ParameterTier } from '../aws/types';
import { parameterValueProblem, secretValueProblem } from '../aws/validation';
import type { ExplorerModel } from '../tree/explorerModel';
import { UserError } from '../ui/errors';
import { DocumentProvider } from '../ui/documentProvider';
import type { Log } from '../ui/logging';
import type { Prompts } from '../ui/prompts';
import { displayValue, valueToStore, type ValueShape } from './valueText';

/** Read-only documents: reveal and diff. */
export const VIEW_SCHEME = 'awssecrets-view';
/** Editable documents: saving writes a new version. */
export const EDIT_SCHEME = 'awssecrets-edit';

/** What is remembered about an open editable document: metadata only, never the value. */
interface EditState {
  shape: ValueShape;
  /** AWSCURRENT version id (secrets) or version number (parameters) the text was based on. */
  base: string;
  tier?: ParameterTier;
  size: number;
  mtime: number;
  /** A keyed hash of the text as shown, to recognise a save that changed nothing (the text itself is not kept). */
  shown: string;
}

/** Why VS Code saves a document, as `onWillSaveTextDocument` reports it. */
export type SaveReason = vscode.TextDocumentSaveReason;

/**
 * Serves secret and parameter values as documents. Values are fetched just before a document
 * opens and handed to VS Code once; this class keeps only metadata afterwards, so a value
 * lives in memory only as long as its document is open.
 */
export class ValueFileSystem extends DocumentProvider implements vscode.FileSystemProvider {
  private readonly refusedAutoSave = new vscode.EventEmitter<ItemRef>();
  /** Fires when an auto-save (or any save the user did not make) was refused and nothing was sent. */
  readonly onDidRefuseAutoSave = this.refusedAutoSave.event;
  private readonly edits = new Map<string, EditState>();
  /** Why each document is being saved, from onWillSaveTextDocument, until its write arrives. */
  private readonly saveReasons = new Map<string, SaveReason>();
  /** Why a JSON value is shown as stored instead of pretty-printed, per document. */
  private readonly asStored = new Map<string, string>();
  /** Keys the hashes of shown texts; random per window, so a hash says nothing outside this process. */
  private readonly hashKey = randomBytes(32);

  constructor(
    private readonly aws: () => Promise<AwsRuntime>,
    private readonly log: Log,
    private readonly prompts: Prompts,
    /** Told after a save wrote a new version. */
    private readonly model: ExplorerModel,
  ) {
    super();
  }

  /**
   * Fetches the value and returns the document URI to open. The URI ends in `.json` for JSON
   * values so VS Code picks the JSON language (with its syntax checks) by itself.
   */
  async prepare(scheme: typeof VIEW_SCHEME | typeof EDIT_SCHEME, ref: ItemRef, signal?: AbortSignal): Promise<vscode.Uri> {
    const fetched = await this.fetch(ref, signal);
    if (scheme === EDIT_SCHEME && fetched.shape === 'binary') {
      throw new UserError(`${ref.name} is a binary secret and can't be edited as text. Use Reveal Value to see it as base64.`);
    }
    const uri = valueUri(scheme, ref, fetched.shape.startsWith('json') ? '.json' : '');
    const content = Buffer.from(fetched.text, 'utf8');
    this.primed.set(uri.toString(), content);
    if (fetched.asStored) this.asStored.set(uri.toString(), fetched.asStored);
    else this.asStored.delete(uri.toString());
    if (scheme === EDIT_SCHEME)
      this.edits.set(uri.toString(), {
        shape: fetched.shape,
        base: fetched.base,
        tier: fetched.tier,
        size: content.byteLength,
        mtime: Date.now(),
        shown: this.hash(content),
      });
    return uri;
  }

  /** Why the JSON value of a prepared document is shown exactly as stored (pretty-printing would have changed it), if it is. */
  shownAsStored(uri: vscode.Uri): string | undefined {
    return this.asStored.get(uri.toString());
  }

  /** Called from onWillSaveTextDocument: the write that follows is stored only if the user saved it themselves. */
  noteSaveReason(uri: vscode.Uri, reason: SaveReason): void {
    if (uri.scheme === EDIT_SCHEME) this.saveReasons.set(uri.toString(), reason);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const state = this.edits.get(uri.toString());
    return { type: vscode.FileType.File, ctime: 0, mtime: state?.mtime ?? 0, size: state?.size ?? this.primed.get(uri.toString())?.byteLength ?? 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const primed = this.takePrimed(uri);
    if (primed) return primed;
    const key = uri.toString();
    // Reopened or reverted: fetch again.
    const ref = refFromUri(uri);
    const fetched = await this.fetch(ref);
    const content = Buffer.from(fetched.text, 'utf8');
    const state = this.edits.get(key);
    if (state && uri.scheme === EDIT_SCHEME)
      Object.assign(state, { base: fetched.base, shape: fetched.shape, tier: fetched.tier, mtime: Date.now(), shown: this.hash(content) });
    return content;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (uri.scheme !== EDIT_SCHEME) throw vscode.FileSystemError.NoPermissions(uri);
    const ref = refFromUri(uri);
    const key = uri.toString();
    const reason = this.saveReasons.get(key);
    this.saveReasons.delete(key);
    // Auto-save (after a delay, on focus change) and any write that is not the user's own save
    // never send: a pause while typing must not become a version. The document stays dirty.
    if (reason !== vscode.TextDocumentSaveReason.Manual) {
      this.log.info(`not stored: ${ref.name} was saved by ${reason === undefined ? 'something other than the user' : 'auto-save'}`);
      this.refusedAutoSave.fire(ref);
      throw new Error(NOT_STORED_ON_AUTO_SAVE);
    }
    const state = this.edits.get(key) ?? (await this.stateFromAws(ref));
    // An unchanged text writes nothing: no new version, and the document is clean again.
    if (this.hash(content) === state.shown) {
      this.log.info(`nothing to store for ${ref.name}: the text is unchanged`);
      vscode.window.setStatusBarMessage(`No change to ${ref.name}: nothing was stored.`, 5000);
      return;
    }
    const text = Buffer.from(content).toString('utf8');

    // Every check happens before anything is sent; a refused save leaves the document dirty with its text.
    const converted = valueToStore(text, state.shape);
    if ('problem' in converted) throw new Error(`Not saved: ${converted.problem}`);
    let tier = state.tier;
    if (ref.service === 'secretsmanager') {
      const problem = secretValueProblem(converted.value);
      if (problem) throw new Error(`Not saved: ${problem}`);
    } else if (tier === 'Intelligent-Tiering') {
      // AWS picks the tier the value needs; only the Advanced limit applies.
      const problem = parameterValueProblem(converted.value, 'Advanced');
      if (problem) throw new Error(`Not saved: ${problem}`);
    } else {
      const problem = parameterValueProblem(converted.value, tier === 'Advanced' ? 'Advanced' : 'Standard');
      if (problem && tier !== 'Advanced' && !parameterValueProblem(converted.value, 'Advanced')) {
        const upgrade = await this.prompts.warn(problem, { modal: true }, 'Use Advanced Tier');
        if (upgrade !== 'Use Advanced Tier') throw new Error('Not saved: the value is larger than the Standard tier allows. Your text is kept.');
        tier = 'Advanced';
      } else if (problem) {
        throw new Error(`Not saved: ${problem}`);
      }
    }

    const current = await this.currentBase(ref);
    if (current !== state.base) {
      const choice = await this.prompts.warn(
        `${ref.name} changed in AWS after you opened it. Overwrite the newer version with your text?`,
        { modal: true, detail: 'Your save would replace the version written meanwhile (it stays in the version history).' },
        'Overwrite',
      );
      if (choice !== 'Overwrite')
        throw new Error(`Not saved: ${ref.name} changed in AWS meanwhile. Your text is kept; compare with the current value, then save again to overwrite.`);
    }

    const runtime = await this.aws();
    if (ref.service === 'secretsmanager') {
      const store = await runtime.secrets(ref.profile, ref.region);
      const written = await store.putValue(secretId(ref), { text: converted.value });
      state.base = written.versionId ?? state.base;
    } else {
      const store = await runtime.parameters(ref.profile, ref.region);
      const type = (await store.describe(ref.name)).type;
      const written = await store.put({ name: ref.name, value: converted.value, type, overwrite: true, tier });
      state.base = String(written.version);
      state.tier = written.tier ?? tier;
    }
    state.size = content.byteLength;
    state.mtime = Date.now();
    state.shown = this.hash(content);
    this.edits.set(key, state);
    this.log.info(`saved a new version of ${ref.name} (${ref.region}, ${profileLabel(ref.profile)})`);
    void this.model.itemChanged(itemOnly(ref));
  }

  /** Forgets an editable document's metadata once it is closed. */
  forget(uri: vscode.Uri): void {
    this.edits.delete(uri.toString());
    this.primed.delete(uri.toString());
    this.saveReasons.delete(uri.toString());
    this.asStored.delete(uri.toString());
  }

  private hash(content: Uint8Array): string {
    return createHmac('sha256', this.hashKey).update(content).digest('base64');
  }

  private async fetch(ref: ItemRef, signal?: AbortSignal): Promise<{ text: string; shape: ValueShape; asStored?: string; base: string; tier?: ParameterTier }> {
    const runtime = await this.aws();
    if (ref.service === 'secretsmanager') {
      const store = await runtime.secrets(ref.profile, ref.region);
      const value = await store.getValue(secretId(ref), { versionId: ref.versionId, versionStage: ref.versionId ? undefined : ref.stage }, { signal });
      return { ...displayValue(value), base: value.versionId };
    }
    const store = await runtime.parameters(ref.profile, ref.region);
    const value = await store.getValue(ref.name, { version: ref.version }, { signal });
    const tier = ref.version === undefined ? (await store.describe(ref.name, { signal })).tier : undefined;
    return { ...displayValue({ text: value.value }), base: String(value.version), tier };
  }

  /** The version the item is at now, to notice a change made since the document opened. */
  private async currentBase(ref: ItemRef): Promise<string> {
    const runtime = await this.aws();
    if (ref.service === 'secretsmanager') {
      const summary = await (await runtime.secrets(ref.profile, ref.region)).describe(secretId(ref));
      const current = Object.entries(summary.versionStages ?? {}).find(([, stages]) => stages.includes('AWSCURRENT'));
      return current?.[0] ?? '';
    }
    return String((await (await runtime.parameters(ref.profile, ref.region)).describe(ref.name)).version ?? '');
  }

  /** Rebuilds edit state for a document restored by VS Code after a reload (no prepare() happened). */
  private async stateFromAws(ref: ItemRef): Promise<EditState> {
    try {
      const fetched = await this.fetch(ref);
      return { shape: fetched.shape, base: fetched.base, tier: fetched.tier, size: 0, mtime: Date.now(), shown: this.hash(Buffer.from(fetched.text, 'utf8')) };
    } catch (error) {
      throw new Error(`Not saved: could not read ${ref.name} to check it first. ${isAwsError(error) ? error.message : ''}`.trim());
    }
  }
}

const NOT_STORED_ON_AUTO_SAVE =
  'Not stored in AWS: a value is stored only when you save it yourself (Ctrl+S or File > Save), never by auto-save. Your text is kept.';

/** The fields of an ItemRef a document URI carries: identity only, never metadata. */
const URI_FIELDS = ['service', 'profile', 'region', 'name', 'arn', 'versionId', 'stage', 'version'] as const;

/** `awssecrets-view:/demo/us-east-1/prod/payments/db.json?…` — the path reads well in tab titles. */
export function valueUri(scheme: string, ref: ItemRef, extension: string): vscode.Uri {
  const query = new URLSearchParams();
  const fields = ref as Partial<Record<(typeof URI_FIELDS)[number], string | number>>;
  for (const key of URI_FIELDS) if (fields[key] !== undefined) query.set(key, String(fields[key]));
  const version = ref.service === 'secretsmanager' ? (ref.stage ?? ref.versionId?.slice(0, 8)) : ref.version !== undefined ? `v${ref.version}` : undefined;
  const leaf = `${ref.name.replace(/^\/+/, '')}${version ? ` (${version})` : ''}${extension}`;
  return vscode.Uri.from({ scheme, path: `/${profileLabel(ref.profile)}/${ref.region}/${leaf}`, query: query.toString() });
}

export function refFromUri(uri: vscode.Uri): ItemRef {
  const q = new URLSearchParams(uri.query);
  const base = { profile: q.get('profile') ?? '', region: q.get('region') ?? '', name: q.get('name') ?? '' };
  // Documents that hot exit restores from an earlier release carry `kind=parameter` instead of `service=ssm`.
  if (q.get('service') === 'ssm' || q.get('kind') === 'parameter') {
    const version = q.get('version');
    return { service: 'ssm', ...base, version: version ? Number(version) : undefined };
  }
  return { service: 'secretsmanager', ...base, arn: q.get('arn') ?? undefined, versionId: q.get('versionId') ?? undefined, stage: q.get('stage') ?? undefined };
}
