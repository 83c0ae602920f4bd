import { databaseOf, ownerName, ownerShortName, SERVICE_NAMES } from '../aws/items';
import { lastReadText } from '../audit/lastRead';
import { profileLabel } from '../aws/profileNames';
import { expirationOf } from '../aws/parameterPolicies';
import type { ParameterSummary, ProfileKind, SecretSummary } from '../aws/types';
import type { ExplorerNode, ParameterNode, ProfileNode, ReplicaNode, SecretNode, ServiceNode } from './nodes';

/**
 * How a node looks in the tree, as plain data (the provider turns it into a TreeItem).
 * Built from metadata only: nothing here ever sees a secret or parameter value.
 */
export interface NodePresentation {
  readonly label: string;
  readonly description?: string;
  /** Tooltip as a title and label/value rows; the provider escapes every value. */
  readonly tooltip?: { readonly title: string; readonly rows: readonly (readonly [string, string])[] };
  /** A codicon id, and an optional theme color id. */
  readonly icon?: { readonly id: string; readonly color?: string };
  /** Space-separated tokens that menus match with `viewItem =~ /…/`. */
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** Command run when the item is clicked; it receives the node. */
  readonly command?: { readonly id: string; readonly title: string };
}

const KIND_LABELS: Record<ProfileKind, string> = {
  static: 'access keys',
  sso: 'SSO',
  role: 'assume role',
  process: 'credential process',
  webIdentity: 'web identity',
  environment: 'environment',
  other: 'profile',
};

const ERROR_TITLES: Record<string, string> = {
  accessDenied: 'Access denied',
  notFound: 'Not found',
  throttled: 'Throttled',
  expiredCredentials: 'Credentials expired',
  ssoExpired: 'SSO session expired',
  noCredentials: 'No credentials',
  network: 'Cannot reach AWS',
  regionUnavailable: 'Region unavailable',
  serviceError: 'AWS service error',
  cancelled: 'Cancelled',
};

export function present(node: ExplorerNode, options: { singleProfile: boolean }): NodePresentation {
  switch (node.type) {
    case 'profile':
      return presentProfile(node, options.singleProfile);
    case 'region':
      return { label: node.region, icon: { id: 'globe' }, contextValue: 'region', collapsible: options.singleProfile ? 'expanded' : 'collapsed' };
    case 'service':
      return presentService(node);
    case 'folder':
      return {
        label: node.label,
        icon: { id: 'folder' },
        contextValue: `folder.${node.parent.service}`,
        collapsible: 'collapsed',
        tooltip: { title: node.prefix, rows: [] },
      };
    case 'secret':
      return presentSecret(node);
    case 'parameter':
      return presentParameter(node);
    case 'secretVersion': {
      const v = node.version;
      return {
        label: v.stages.length ? v.stages.join(', ') : '(no staging label)',
        description: `${v.versionId.slice(0, 8)}${v.createdDate ? ` · ${formatDateTime(v.createdDate)}` : ''}`,
        icon: { id: v.stages.includes('AWSCURRENT') ? 'pass-filled' : 'history' },
        contextValue: `secretVersion${v.stages.includes('AWSCURRENT') ? ' current' : ''}${v.stages.includes('AWSPREVIOUS') ? ' previous' : ''}${node.parent.secret.owningService ? ' managed' : ''}${isReplica(node.parent.secret) ? ' replica' : ''}`,
        collapsible: 'none',
        tooltip: {
          title: `Version ${v.versionId}`,
          rows: [
            ['Staging labels', v.stages.join(', ') || 'none'],
            ['Created', v.createdDate ? formatDateTime(v.createdDate) : 'unknown'],
            ...(v.lastAccessedDate ? [['Last accessed', formatDate(v.lastAccessedDate)] as const] : []),
          ],
        },
      };
    }
    case 'parameterVersion': {
      const v = node.version;
      const parts = [
        v.labels.length ? v.labels.join(', ') : undefined,
        v.lastModifiedDate ? formatDateTime(v.lastModifiedDate) : undefined,
        node.current ? 'current' : undefined,
      ];
      return {
        label: `v${v.version}`,
        description: parts.filter(Boolean).join(' · '),
        icon: { id: node.current ? 'pass-filled' : 'history' },
        contextValue: `parameterVersion${node.current ? ' current' : ''}`,
        collapsible: 'none',
        tooltip: {
          title: `${node.parent.parameter.name} version ${v.version}`,
          rows: [
            ['Labels', v.labels.join(', ') || 'none'],
            ['Type', v.type],
            ...(v.tier ? [['Tier', v.tier] as const] : []),
            ...(v.lastModifiedDate ? [['Modified', formatDateTime(v.lastModifiedDate)] as const] : []),
            ...(v.lastModifiedUser ? [['By', v.lastModifiedUser] as const] : []),
            ...(v.description ? [['Description', v.description] as const] : []),
          ],
        },
      };
    }
    case 'replica':
      return presentReplica(node);
    case 'loadMore':
      return {
        label: 'Load more…',
        description: `${node.loaded} loaded`,
        icon: { id: 'ellipsis' },
        contextValue: 'loadMore',
        collapsible: 'none',
        command: { id: 'awsSecrets.loadMore', title: 'Load More' },
      };
    case 'error':
      // A short label the narrow sidebar can show; the whole message (with the next step) follows it.
      return {
        label: ERROR_TITLES[node.kind] ?? 'Failed',
        description: node.message,
        icon: { id: 'error', color: 'errorForeground' },
        contextValue: `error${node.kind === 'ssoExpired' ? ' sso' : ''}`,
        collapsible: 'none',
        tooltip: {
          title: 'Could not load',
          rows: [
            ['Error', node.message],
            ['Retry', 'Click to try again; details are in the AWS Secrets Lens log.'],
          ],
        },
        command: { id: 'awsSecrets.refresh', title: 'Retry' },
      };
    case 'message':
      return { label: node.message, icon: { id: 'info' }, contextValue: 'message', collapsible: 'none' };
  }
}

function presentProfile(node: ProfileNode, single: boolean): NodePresentation {
  const p = node.profile;
  const endpoint = p.endpoints.secretsmanager ?? p.endpoints.ssm;
  const rows: [string, string][] = [['Credentials', KIND_LABELS[p.kind]]];
  if (p.region) rows.push(['Region', p.region]);
  if (p.roleArn) rows.push(['Role', p.roleArn]);
  if (p.sourceProfile) rows.push(['Source profile', p.sourceProfile]);
  if (p.mfaSerial) rows.push(['MFA device', p.mfaSerial]);
  if (p.ssoStartUrl) rows.push(['SSO start URL', p.ssoStartUrl]);
  for (const [service, url] of Object.entries(p.endpoints)) rows.push([`Endpoint (${service})`, url]);
  return {
    label: profileLabel(p.name),
    description: [KIND_LABELS[p.kind], endpoint ? `→ ${endpoint}` : undefined].filter(Boolean).join(' · '),
    icon: { id: p.kind === 'environment' ? 'terminal' : p.kind === 'sso' ? 'organization' : 'account' },
    contextValue: `profile kind:${p.kind}${p.kind === 'sso' ? ' sso' : ''}`,
    collapsible: single ? 'expanded' : 'collapsed',
    tooltip: { title: `Profile ${profileLabel(p.name)}`, rows },
  };
}

function presentService(node: ServiceNode): NodePresentation {
  return {
    label: SERVICE_NAMES[node.service],
    icon: { id: node.service === 'secretsmanager' ? 'key' : 'list-tree' },
    contextValue: `service.${node.service}`,
    collapsible: 'collapsed',
  };
}

function presentSecret(node: SecretNode): NodePresentation {
  const s = node.secret;
  const deleted = s.deletedDate !== undefined;
  return {
    label: node.label,
    description: secretDescription(s),
    icon: deleted ? { id: 'trash', color: 'disabledForeground' } : { id: s.rotationEnabled ? 'sync' : 'key' },
    // `managed`: another service owns it; `replica`: its primary does. The menus hide what only the owner may do.
    contextValue: `secret ${deleted ? 'deleted' : 'active'}${s.rotationEnabled ? ' rotation' : ''}${s.rotationLambdaArn ? ' lambda' : ''}${s.owningService ? ' managed' : ''}${isReplica(s) ? ' replica' : ''}${s.replication?.length ? ' primary' : ''}`,
    // A secret scheduled for deletion refuses version calls until it is restored.
    collapsible: deleted ? 'none' : 'collapsed',
    tooltip: { title: s.name, rows: secretRows(s) },
  };
}

export function secretDescription(s: SecretSummary): string | undefined {
  return [secretStateDescription(s), replicationText(s)].filter(Boolean).join(' · ') || undefined;
}

function secretStateDescription(s: SecretSummary): string | undefined {
  // No date: DeletedDate is the request time in AWS's ListSecrets reference but the purge date in
  // its DescribeSecret reference (and in moto), so any reading of it could be wrong.
  if (s.deletedDate) return 'deletion scheduled';
  const managed = s.owningService ? `managed by ${ownerShortName(s.owningService)}` : undefined;
  return [managed, s.rotationEnabled ? rotationText(s) : undefined].filter(Boolean).join(' · ') || undefined;
}

/** The Region in a secret's ARN (`arn:aws:secretsmanager:REGION:…`). */
function regionOf(arn: string): string | undefined {
  return /^arn:[^:]+:secretsmanager:([^:]+):/.exec(arn)?.[1];
}

/** A replica reports its primary's Region as PrimaryRegion; a secret that is not replicated its own (or none). */
export function isReplica(s: SecretSummary): boolean {
  const own = regionOf(s.arn);
  return Boolean(s.primaryRegion && own && s.primaryRegion !== own);
}

function replicationText(s: SecretSummary): string | undefined {
  if (isReplica(s)) return `replica of ${s.primaryRegion} · read-only`;
  const replicas = s.replication ?? [];
  if (replicas.length === 0) return undefined;
  const failed = replicas.filter((r) => r.status === 'Failed').length;
  return `${replicas.length} replica${replicas.length === 1 ? '' : 's'}${failed ? ` (${failed} failed)` : ''}`;
}

function rotationText(s: SecretSummary): string {
  const rules = s.rotationRules;
  if (rules?.automaticallyAfterDays) return `rotates every ${rules.automaticallyAfterDays} day${rules.automaticallyAfterDays === 1 ? '' : 's'}`;
  if (rules?.scheduleExpression) return `rotates on ${rules.scheduleExpression}`;
  return 'rotation on';
}

function secretRows(s: SecretSummary): [string, string][] {
  const rows: [string, string][] = [['ARN', s.arn]];
  if (s.owningService)
    rows.push([
      'Managed by',
      `${ownerName(s.owningService)} (OwningService ${s.owningService}): it controls the value, rotation, tags and deletion; change them there.`,
    ]);
  const database = databaseOf(s);
  if (database) rows.push(['Database', `${database.database}${database.engine ? ` (${database.engine})` : ''}`]);
  if (s.description) rows.push(['Description', s.description]);
  rows.push(['KMS key', s.kmsKeyId ?? 'aws/secretsmanager (default)']);
  if (s.createdDate) rows.push(['Created', formatDateTime(s.createdDate)]);
  if (s.lastChangedDate) rows.push(['Last changed', formatDateTime(s.lastChangedDate)]);
  // AWS reports the day of the last read only (midnight UTC), so the age is in whole days.
  if (s.lastAccessedDate) rows.push(['Last accessed', `${formatDate(s.lastAccessedDate)} (${lastReadText(s.lastAccessedDate, Date.now())})`]);
  if (s.rotationEnabled) {
    rows.push([
      'Rotation',
      s.owningService && !s.rotationLambdaArn ? `${rotationText(s)}, by ${ownerShortName(s.owningService)} (managed rotation)` : rotationText(s),
    ]);
    if (s.rotationLambdaArn) rows.push(['Rotation Lambda', s.rotationLambdaArn]);
    if (s.lastRotatedDate) rows.push(['Last rotated', formatDateTime(s.lastRotatedDate)]);
    if (s.nextRotationDate) rows.push(['Next rotation', formatDateTime(s.nextRotationDate)]);
  } else {
    rows.push(['Rotation', 'not configured']);
  }
  if (s.deletedDate) {
    rows.push(['Deletion', 'Scheduled: the secret is deleted for good when its recovery window (7 to 30 days from the request) ends. Restore it to keep it.']);
    // Shown under its API name, because services disagree on what it means (request or purge date).
    rows.push(['DeletedDate', formatDateTime(s.deletedDate)]);
  }
  if (isReplica(s))
    rows.push(['Replication', `read-only replica; its primary is in ${s.primaryRegion}. Change it there, or promote this replica to a standalone secret.`]);
  else if (s.replication?.length)
    rows.push(['Replicas', s.replication.map((r) => `${r.region} (${r.status}${r.status === 'Failed' && r.message ? `: ${r.message}` : ''})`).join(', ')]);
  if (s.tags.length) rows.push(['Tags', s.tags.map((t) => `${t.key}=${t.value}`).join(', ')]);
  return rows;
}

function presentReplica(node: ReplicaNode): NodePresentation {
  const r = node.replica;
  const icon = r.status === 'InSync' ? { id: 'pass' } : r.status === 'Failed' ? { id: 'error', color: 'errorForeground' } : { id: 'sync' };
  const rows: [string, string][] = [['Status', r.status]];
  if (r.message) rows.push(['Message', r.message]);
  rows.push(['KMS key', r.kmsKeyId ?? 'aws/secretsmanager (default)']);
  if (r.lastAccessedDate) rows.push(['Last accessed', formatDate(r.lastAccessedDate)]);
  return {
    label: r.region,
    description: ['replica', r.status === 'InSync' ? undefined : r.status, r.kmsKeyId && !r.kmsKeyId.startsWith('alias/aws/') ? r.kmsKeyId : undefined]
      .filter(Boolean)
      .join(' · '),
    icon,
    contextValue: `replica status:${r.status}`,
    collapsible: 'none',
    tooltip: { title: `Replica of ${node.parent.secret.name} in ${r.region}`, rows },
  };
}

function presentParameter(node: ParameterNode): NodePresentation {
  const p = node.parameter;
  return {
    label: node.label,
    description: parameterDescription(p),
    icon: { id: p.type === 'SecureString' ? 'lock' : p.type === 'StringList' ? 'list-flat' : 'symbol-string' },
    contextValue: `parameter type:${p.type}`,
    collapsible: 'collapsed',
    tooltip: { title: p.name, rows: parameterRows(p) },
  };
}

export function parameterDescription(p: ParameterSummary): string {
  const expires = expirationOf(p.policies);
  return [
    p.type,
    p.tier && p.tier !== 'Standard' ? p.tier : undefined,
    p.version !== undefined ? `v${p.version}` : undefined,
    expires ? `expires ${formatDate(expires)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function parameterRows(p: ParameterSummary): [string, string][] {
  const rows: [string, string][] = [];
  if (p.arn) rows.push(['ARN', p.arn]);
  rows.push(['Type', p.type]);
  if (p.tier) rows.push(['Tier', p.tier]);
  if (p.version !== undefined) rows.push(['Version', String(p.version)]);
  if (p.description) rows.push(['Description', p.description]);
  if (p.type === 'SecureString') rows.push(['KMS key', p.keyId ?? 'alias/aws/ssm (default)']);
  if (p.lastModifiedDate) rows.push(['Last changed', formatDateTime(p.lastModifiedDate)]);
  if (p.lastModifiedUser) rows.push(['Changed by', p.lastModifiedUser]);
  if (p.dataType && p.dataType !== 'text') rows.push(['Data type', p.dataType]);
  if (p.allowedPattern) rows.push(['Allowed pattern', p.allowedPattern]);
  for (const policy of p.policies ?? []) rows.push(policyRow(policy));
  return rows;
}

function policyRow(policy: NonNullable<ParameterSummary['policies']>[number]): [string, string] {
  const status = policy.status && policy.status !== 'Pending' ? ` (${policy.status})` : '';
  const interval = policy.interval ? `${policy.interval.amount} ${policy.interval.unit.toLowerCase()}` : undefined;
  switch (policy.type) {
    case 'Expiration':
      return [
        'Expires',
        `${policy.expiresAt ? formatDateTime(policy.expiresAt) : 'at a date AWS did not report'}: Parameter Store deletes the parameter then${status}`,
      ];
    case 'ExpirationNotification':
      return ['Expiration notice', `${interval ? `${interval} before it expires` : 'before it expires'}, as an EventBridge event${status}`];
    case 'NoChangeNotification':
      return ['No-change notice', `${interval ? `after ${interval}` : 'after a while'} without a change, as an EventBridge event${status}`];
    default:
      return ['Policy', `${policy.type}${status}`];
  }
}

/** Dates in the tree are UTC, like the AWS console's API dates, so every teammate sees the same text. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A secret's or parameter's metadata as lines of text for a hover (never a value). */
export function summaryLines(s: SecretSummary | ParameterSummary): string[] {
  if ('rotationEnabled' in s) {
    return [
      s.description ? `Description: ${s.description}` : '',
      s.lastChangedDate ? `Last changed: ${formatDate(s.lastChangedDate)}` : '',
      s.rotationEnabled
        ? `Rotation: ${secretDescription(s)}${s.nextRotationDate ? `, next ${formatDate(s.nextRotationDate)}` : ''}`
        : 'Rotation: not configured',
      s.deletedDate ? `Scheduled for deletion (deleted ${formatDate(s.deletedDate)})` : '',
    ].filter(Boolean);
  }
  return [
    `Type: ${parameterDescription(s)}`,
    s.description ? `Description: ${s.description}` : '',
    s.lastModifiedDate ? `Last changed: ${formatDate(s.lastModifiedDate)}` : '',
  ].filter(Boolean);
}
