import { isAwsError } from '../aws/errors';
import { findItem, ITEM_NOUNS, ITEM_SERVICES, type ItemRef, type ItemService } from '../aws/items';
import type { AwsRuntime, ParameterSummary, SecretSummary } from '../aws/types';
import { folderLevel } from './folders';
import { isReplica } from './presentation';
import type {
  ErrorNode,
  ExplorerNode,
  FolderNode,
  LoadMoreNode,
  MessageNode,
  ParameterNode,
  ParameterVersionNode,
  ProfileNode,
  RegionNode,
  ReplicaNode,
  SecretNode,
  SecretVersionNode,
  ServiceNode,
} from './nodes';
import { regionsFor, visibleProfiles } from './regions';

export interface ExplorerSettings {
  readonly profiles: readonly string[];
  readonly regions: readonly string[];
  readonly pageSize: number;
}

type Summary = SecretSummary | ParameterSummary;

/** What has been listed so far for one service in one region. */
interface Listing {
  items: Summary[];
  nextToken?: string;
  /** The last page load failed; the items loaded before it stay. */
  error?: { message: string; kind: string };
  loading?: Promise<void>;
}

/**
 * The explorer's tree, free of the VS Code API so it can be tested in plain Node against
 * the emulator. Listings are paged and cached per service node until refreshed; every
 * failure becomes an ErrorNode where the data would have been, so one broken profile or
 * region never hides the others. Nodes are interned by id: the same id always yields the
 * same object, which is what VS Code needs to refresh a single element.
 */
export class ExplorerModel {
  private readonly listings = new Map<string, Listing>();
  private readonly nodes = new Map<string, ExplorerNode>();
  private readonly listeners = new Set<(node: ExplorerNode | undefined) => void>();
  private filterText: string | undefined;

  constructor(
    readonly aws: () => Promise<AwsRuntime>,
    private settings: ExplorerSettings,
  ) {}

  /** Called with the node whose children changed, or undefined for the whole tree. */
  onDidChange(listener: (node: ExplorerNode | undefined) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  /** Applies a server-side name filter to every service; an empty text clears it. */
  setFilter(text: string | undefined): void {
    const normalized = text?.trim() || undefined;
    if (normalized === this.filterText) return;
    this.filterText = normalized;
    this.listings.clear();
    this.fire(undefined);
  }

  updateSettings(settings: ExplorerSettings): void {
    const pageSizeChanged = settings.pageSize !== this.settings.pageSize;
    this.settings = settings;
    if (pageSizeChanged) this.listings.clear();
    this.fire(undefined);
  }

  /**
   * Forgets what was loaded under `node` (everything when undefined) and asks the view to
   * reload it. A secret or parameter is described again so its label and tooltip are current.
   */
  async refresh(node?: ExplorerNode): Promise<void> {
    const target = node && refreshTarget(node);
    if (!target) {
      this.listings.clear();
      this.fire(undefined);
      return;
    }
    if (target.type === 'secret' || target.type === 'parameter') await this.redescribe(target);
    for (const key of [...this.listings.keys()]) if (key === target.id || key.startsWith(`${target.id}/`)) this.listings.delete(key);
    this.fire(target);
  }

  /**
   * Brings one item up to date after a command changed it: described again and merged into
   * its loaded listing (added when new, dropped when gone). Listing APIs can lag behind
   * writes on AWS, so the tree is not simply re-listed.
   */
  async itemChanged(item: ItemRef): Promise<void> {
    const serviceId = serviceNodeId(item.profile, item.region, item.service);
    const listing = this.listings.get(serviceId);
    if (!listing) return;
    const fresh = await findItem(await this.aws(), item);
    const others = listing.items.filter((existing) => existing.name !== item.name);
    listing.items = fresh ? [...others, fresh] : others;
    const node = this.nodes.get(`${serviceId}/i:${item.name}`);
    if (node && fresh) {
      if (node.type === 'secret') node.secret = fresh as SecretSummary;
      if (node.type === 'parameter') node.parameter = fresh as ParameterSummary;
    }
    this.fire(this.nodes.get(serviceId));
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.profileNodes();
    switch (node.type) {
      case 'profile':
        return regionsFor(node.profile, this.settings.regions).map((region) =>
          this.intern<RegionNode>({ type: 'region', id: regionNodeId(node.profile.name, region), profile: node.profile, region }),
        );
      case 'region':
        return ITEM_SERVICES.map((service) =>
          this.intern<ServiceNode>({
            type: 'service',
            id: serviceNodeId(node.profile.name, node.region, service),
            profile: node.profile,
            region: node.region,
            service,
          }),
        );
      case 'service':
        return this.serviceChildren(node);
      case 'folder':
        return this.levelNodes(node.parent, node.prefix);
      case 'secret':
        return this.secretVersions(node);
      case 'parameter':
        return this.parameterVersions(node);
      default:
        return [];
    }
  }

  /** Fetches the next page of a service's listing and tells the view. */
  async loadMore(node: ServiceNode | LoadMoreNode): Promise<void> {
    const service = node.type === 'loadMore' ? node.parent : node;
    const listing = this.listings.get(service.id);
    if (!listing) return;
    await this.loadPage(service, listing);
    this.fire(service);
  }

  private async profileNodes(): Promise<ExplorerNode[]> {
    try {
      const runtime = await this.aws();
      const all = await runtime.listProfiles();
      const profiles = visibleProfiles(all, this.settings.profiles);
      if (profiles.length === 0 && all.length > 0) {
        // Profiles exist, but the setting hides them all: say so rather than show the "no profile" welcome.
        const hidden = this.intern<MessageNode>({ type: 'message', id: 'root/hidden', message: '' });
        hidden.message =
          all.length === 1
            ? 'Your profile is not listed in the awsSecrets.profiles setting.'
            : `None of your ${all.length} profiles is listed in the awsSecrets.profiles setting.`;
        return [hidden];
      }
      return profiles.map((profile) => {
        const node = this.intern<ProfileNode>({ type: 'profile', id: profileNodeId(profile.name), profile });
        node.profile = profile;
        return node;
      });
    } catch (error) {
      return [this.errorNode('root', error, undefined)];
    }
  }

  private async serviceChildren(service: ServiceNode): Promise<ExplorerNode[]> {
    let listing = this.listings.get(service.id);
    if (!listing) {
      listing = { items: [] };
      this.listings.set(service.id, listing);
      await this.loadPage(service, listing);
    } else if (listing.loading) {
      await listing.loading;
    }
    if (listing.items.length === 0 && listing.error) {
      // Nothing loaded: a failed first page is forgotten so that expanding again retries.
      this.listings.delete(service.id);
      return [this.errorFromListing(service, listing.error)];
    }
    const children = this.levelNodes(service, '');
    if (listing.items.length === 0) children.push(this.emptyNode(service));
    if (listing.error) children.push(this.errorFromListing(service, listing.error));
    if (listing.nextToken) {
      const more = this.intern<LoadMoreNode>({ type: 'loadMore', id: `${service.id}/more`, parent: service, loaded: 0 });
      more.loaded = listing.items.length;
      children.push(more);
    }
    return children;
  }

  private loadPage(service: ServiceNode, listing: Listing): Promise<void> {
    listing.loading ??= (async () => {
      try {
        const runtime = await this.aws();
        const query = { nameFilter: this.filterText, pageSize: this.settings.pageSize, nextToken: listing.nextToken };
        const page =
          service.service === 'secretsmanager'
            ? await (await runtime.secrets(service.profile.name, service.region)).list(query)
            : await (await runtime.parameters(service.profile.name, service.region)).list(query);
        listing.items.push(...page.items);
        listing.nextToken = page.nextToken;
        listing.error = undefined;
      } catch (error) {
        listing.error = describeError(error);
      } finally {
        listing.loading = undefined;
      }
    })();
    return listing.loading;
  }

  private levelNodes(service: ServiceNode, prefix: string): ExplorerNode[] {
    const listing = this.listings.get(service.id);
    if (!listing) return [];
    const level = folderLevel<Summary>(listing.items, (item) => item.name, prefix);
    const folders = level.folders.map((f) =>
      this.intern<FolderNode>({ type: 'folder', id: `${service.id}/f:${f.prefix}`, parent: service, prefix: f.prefix, label: f.label }),
    );
    const items = level.items.map(({ item, label }) => this.itemNode(service, item, label));
    return [...folders, ...items];
  }

  private itemNode(service: ServiceNode, item: Summary, label: string): SecretNode | ParameterNode {
    const id = `${service.id}/i:${item.name}`;
    if (service.service === 'secretsmanager') {
      const node = this.intern<SecretNode>({ type: 'secret', id, parent: service, label, secret: item as SecretSummary });
      node.secret = item as SecretSummary;
      return node;
    }
    const node = this.intern<ParameterNode>({ type: 'parameter', id, parent: service, label, parameter: item as ParameterSummary });
    node.parameter = item as ParameterSummary;
    return node;
  }

  /**
   * A secret's replicas (or, on a replica, where its primary is) and its versions. ListSecrets
   * does not report replicas, so the secret is described as it is expanded.
   */
  private async secretVersions(node: SecretNode): Promise<ExplorerNode[]> {
    try {
      const store = await (await this.aws()).secrets(node.parent.profile.name, node.parent.region);
      const id = node.secret.arn || node.secret.name;
      const [described, versions] = await Promise.all([store.describe(id), store.listVersions(id)]);
      this.replicationLearned(node, described);
      const versionNodes = versions.map((version) => {
        const child = this.intern<SecretVersionNode>({ type: 'secretVersion', id: `${node.id}/v:${version.versionId}`, parent: node, version });
        child.version = version;
        return child;
      });
      return [...this.replicationNodes(node), ...versionNodes];
    } catch (error) {
      return [this.errorNode(node.id, error, node)];
    }
  }

  private replicationNodes(node: SecretNode): ExplorerNode[] {
    const secret = node.secret;
    if (isReplica(secret)) {
      const note = this.intern<MessageNode>({ type: 'message', id: `${node.id}/primary`, message: '' });
      note.message = `Read-only replica: its primary is in ${secret.primaryRegion}`;
      return [note];
    }
    return (secret.replication ?? []).map((replica) => {
      const child = this.intern<ReplicaNode>({ type: 'replica', id: `${node.id}/r:${replica.region}`, parent: node, replica });
      child.replica = replica;
      return child;
    });
  }

  /** Keeps what DescribeSecret said about replication; the node is redrawn only when it changed (else expanding would loop). */
  private replicationLearned(node: SecretNode, described: SecretSummary): void {
    const before = JSON.stringify([node.secret.primaryRegion, node.secret.replication]);
    const after = JSON.stringify([described.primaryRegion, described.replication]);
    node.secret = described;
    const listing = this.listings.get(node.parent.id);
    if (listing) listing.items = listing.items.map((item) => (item.name === described.name ? described : item));
    if (before !== after) this.fire(node);
  }

  private async parameterVersions(node: ParameterNode): Promise<ExplorerNode[]> {
    try {
      const store = await (await this.aws()).parameters(node.parent.profile.name, node.parent.region);
      const versions = await store.history(node.parameter.name);
      const newest = versions[0]?.version;
      return versions.map((version) => {
        const child = this.intern<ParameterVersionNode>({
          type: 'parameterVersion',
          id: `${node.id}/v:${version.version}`,
          parent: node,
          version,
          current: false,
        });
        child.version = version;
        child.current = version.version === newest;
        return child;
      });
    } catch (error) {
      return [this.errorNode(node.id, error, node)];
    }
  }

  /** Replaces an item's metadata in its listing with a fresh DescribeSecret / DescribeParameters; failures keep the old data. */
  private async redescribe(node: SecretNode | ParameterNode): Promise<void> {
    const listing = this.listings.get(node.parent.id);
    try {
      const runtime = await this.aws();
      const fresh =
        node.type === 'secret'
          ? await (await runtime.secrets(node.parent.profile.name, node.parent.region)).describe(node.secret.arn || node.secret.name)
          : await (await runtime.parameters(node.parent.profile.name, node.parent.region)).describe(node.parameter.name);
      if (node.type === 'secret') node.secret = fresh as SecretSummary;
      else node.parameter = fresh as ParameterSummary;
      if (listing) listing.items = listing.items.map((item) => (item.name === fresh.name ? fresh : item));
    } catch {
      // The view shows the error when its children are loaded again; the label keeps the last known data.
    }
  }

  private emptyNode(service: ServiceNode): MessageNode {
    const what = `${ITEM_NOUNS[service.service]}s`;
    const node = this.intern<MessageNode>({ type: 'message', id: `${service.id}/empty`, message: '' });
    node.message = this.filterText ? `No ${what} match “${this.filterText}”` : `No ${what} in ${service.region}`;
    return node;
  }

  private errorFromListing(service: ServiceNode, error: { message: string; kind: string }): ErrorNode {
    const node = this.intern<ErrorNode>({ type: 'error', id: `${service.id}/error`, retry: service, message: '', kind: '' });
    node.message = error.message;
    node.kind = error.kind;
    return node;
  }

  private errorNode(ownerId: string, error: unknown, retry: ExplorerNode | undefined): ErrorNode {
    const { message, kind } = describeError(error);
    const node = this.intern<ErrorNode>({ type: 'error', id: `${ownerId}/error`, retry: retry ?? ROOT_RETRY, message, kind });
    node.message = message;
    node.kind = kind;
    return node;
  }

  private intern<T extends ExplorerNode>(fresh: T): T {
    const existing = this.nodes.get(fresh.id);
    if (existing && existing.type === fresh.type) return existing as T;
    this.nodes.set(fresh.id, fresh);
    return fresh;
  }

  private fire(node: ExplorerNode | undefined): void {
    if (!node) this.nodes.clear();
    for (const listener of this.listeners) listener(node);
  }
}

export function profileNodeId(profile: string): string {
  return `p:${profile}`;
}

export function regionNodeId(profile: string, region: string): string {
  return `${profileNodeId(profile)}/${region}`;
}

export function serviceNodeId(profile: string, region: string, service: ItemService): string {
  return `${regionNodeId(profile, region)}/${service}`;
}

/** Retrying a root-level failure reloads the whole tree. */
const ROOT_RETRY: MessageNode = { type: 'message', id: 'root', message: '' };

function refreshTarget(node: ExplorerNode): ExplorerNode | undefined {
  switch (node.type) {
    case 'error':
      return node.retry === ROOT_RETRY ? undefined : refreshTarget(node.retry);
    case 'folder':
    case 'loadMore':
      return node.parent;
    case 'secretVersion':
    case 'parameterVersion':
    case 'replica':
      return node.parent;
    case 'message':
      return undefined;
    default:
      return node;
  }
}

function describeError(error: unknown): { message: string; kind: string } {
  if (isAwsError(error)) return { message: error.message, kind: error.kind };
  return { message: error instanceof Error ? error.message : String(error), kind: 'unknown' };
}
