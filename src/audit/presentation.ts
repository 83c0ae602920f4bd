/**
 * The Access view's rows as plain data (the view turns them into TreeItems): CloudTrail events
 * of an access history, and secrets nobody reads with their cost. Metadata only: nothing here
 * ever sees a value.
 */
import type { SecretRef } from '../aws/items';
import type { TrailEvent } from '../aws/types';
import { formatDateTime, type NodePresentation } from '../tree/presentation';
import type { CallFilter, HistorySubject } from './history';
import { formatUsd, priceNote } from './pricing';
import { unreadText, type UnusedReport, type UnusedSecret } from './unused';

export type AccessNode =
  | { readonly type: 'event'; readonly id: string; readonly event: TrailEvent; readonly subject: HistorySubject }
  | { readonly type: 'more'; readonly id: string; readonly searchedBack?: Date }
  | { readonly type: 'problem'; readonly id: string; readonly message: string; readonly kind: string }
  | { readonly type: 'empty'; readonly id: string; readonly message: string }
  | { readonly type: 'region'; readonly id: string; readonly region: string; readonly report: UnusedReport }
  | { readonly type: 'unused'; readonly id: string; readonly secret: UnusedSecret; readonly ref: SecretRef };

const FILTER_WORDS: Record<CallFilter, string> = { all: 'reads and writes', reads: 'reads', writes: 'writes' };

export function filterWords(filter: CallFilter): string {
  return FILTER_WORDS[filter];
}

/** `user/demo`, `assumed-role/payments-api/i-0abc`: the part of a principal's ARN a person reads. */
export function principalShort(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const resource = /^arn:[^:]+:(?:iam|sts)::\d*:(.+)$/.exec(arn)?.[1];
  return resource ?? arn;
}

function eventIcon(event: TrailEvent): NodePresentation['icon'] {
  if (event.errorCode) return { id: 'error', color: 'errorForeground' };
  return event.readOnly === false ? { id: 'edit' } : { id: 'eye' };
}

export function presentAccessNode(node: AccessNode): NodePresentation {
  switch (node.type) {
    case 'event': {
      const e = node.event;
      const who = principalShort(e.principalArn) ?? e.username ?? e.accessKeyId;
      const about = node.subject.kind === 'accessKey' ? e.requestIds[0] : undefined;
      const rows: [string, string][] = [
        ['Time', e.eventTime ? formatDateTime(e.eventTime) : 'unknown'],
        ['Call', `${e.eventSource ?? ''} ${e.eventName}`.trim()],
        ['Kind', e.readOnly === undefined ? 'not reported' : e.readOnly ? 'read' : 'write'],
      ];
      if (e.principalArn) rows.push(['Principal', e.principalArn]);
      if (e.accessKeyId) rows.push(['Access key id', e.accessKeyId]);
      if (e.sourceIp) rows.push(['Source IP', e.sourceIp]);
      if (e.userAgent) rows.push(['User agent', e.userAgent]);
      if (e.errorCode) rows.push(['Refused', `${e.errorCode}${e.errorMessage ? `: ${e.errorMessage}` : ''}`]);
      if (e.requestIds.length) rows.push(['Request named', e.requestIds.join(', ')]);
      if (e.region) rows.push(['Region', e.region]);
      rows.push(['Event id', e.eventId]);
      return {
        label: e.eventName,
        description: [e.eventTime ? formatDateTime(e.eventTime) : undefined, about, who, e.sourceIp, e.errorCode].filter(Boolean).join(' · '),
        icon: eventIcon(e),
        contextValue: `accessEvent${e.errorCode ? ' refused' : ''}`,
        collapsible: 'none',
        tooltip: { title: `${e.eventName}${e.errorCode ? ` (refused: ${e.errorCode})` : ''}`, rows },
      };
    }
    case 'more':
      return {
        label: 'Load more…',
        description: node.searchedBack ? `searched back to ${formatDateTime(node.searchedBack)}` : undefined,
        icon: { id: 'ellipsis' },
        contextValue: 'accessMore',
        collapsible: 'none',
        command: { id: 'awsSecrets.loadMoreAccessHistory', title: 'Load More' },
      };
    case 'problem':
      return {
        label: node.kind === 'accessDenied' ? 'Access denied' : node.kind === 'unsupported' ? 'Not supported here' : 'Failed',
        description: node.message,
        icon: { id: 'error', color: 'errorForeground' },
        contextValue: 'accessProblem',
        collapsible: 'none',
        tooltip: { title: 'Could not read', rows: [['Error', node.message]] },
      };
    case 'empty':
      return { label: node.message, icon: { id: 'info' }, contextValue: 'accessEmpty', collapsible: 'none' };
    case 'region':
      return {
        label: node.region,
        description: `${node.report.unused.length} unused · ${formatUsd(node.report.monthlyUsd)} a month`,
        icon: { id: 'globe' },
        contextValue: 'accessRegion',
        collapsible: 'expanded',
        tooltip: { title: `Unused secrets in ${node.region}`, rows: [['Price', priceNote()]] },
      };
    case 'unused': {
      const u = node.secret;
      const managed = u.summary.owningService;
      const rows: [string, string][] = [
        ['Last read', u.summary.lastAccessedDate ? formatDateTime(u.summary.lastAccessedDate).slice(0, 10) : 'never (AWS reports no LastAccessedDate)'],
        [
          'Cost',
          `${formatUsd(u.monthlyUsd)} a month${u.summary.replication?.length ? ` (with ${u.summary.replication.length} replicas)` : ''}, at ${priceNote()}`,
        ],
      ];
      if (u.summary.createdDate) rows.push(['Created', formatDateTime(u.summary.createdDate)]);
      if (u.reviewedOn) rows.push(['Reviewed', `tagged as kept on purpose on ${u.reviewedOn}`]);
      if (managed) rows.push(['Managed by', `${managed}: delete it there`]);
      return {
        label: u.summary.name,
        description: [unreadText(u), `${formatUsd(u.monthlyUsd)}/month`, u.reviewedOn ? `reviewed ${u.reviewedOn}` : undefined].filter(Boolean).join(' · '),
        icon: u.reviewedOn ? { id: 'pass' } : { id: 'key', color: 'problemsWarningIcon.foreground' },
        contextValue: `unusedSecret${managed ? ' managed' : ''}${u.reviewedOn ? ' reviewed' : ''}`,
        collapsible: 'none',
        tooltip: { title: u.summary.name, rows },
      };
    }
  }
}
