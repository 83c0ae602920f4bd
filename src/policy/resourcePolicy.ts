/**
 * A secret's resource policy as a document: the starting text for a secret that has none, the
 * JSON syntax problems found before anything is sent, and where in the text each of AWS's
 * ValidateResourcePolicy findings belongs (AWS gives a check name and a message, no position).
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface TextSpan {
  readonly offset: number;
  readonly length: number;
}

export interface PolicyProblem extends TextSpan {
  readonly message: string;
}

/** A policy to start from: read access for the secret's own account, which ValidateResourcePolicy passes. */
export function starterPolicy(secretArn: string): string {
  const match = /^arn:([^:]+):secretsmanager:[^:]*:(\d{12}):/.exec(secretArn);
  const principal = match ? `arn:${match[1]}:iam::${match[2]}:root` : 'arn:aws:iam::111122223333:root';
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadInThisAccount', Effect: 'Allow', Principal: { AWS: principal }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

/** How a stored policy is shown: indented when it is JSON (AWS keeps the text it was given), as stored otherwise. */
export function policyText(stored: string): string {
  try {
    return `${JSON.stringify(JSON.parse(stored), null, 2)}\n`;
  } catch {
    return stored;
  }
}

/** JSON syntax errors (strict JSON: no comments, no trailing commas), with their place. */
export function syntaxProblems(text: string): PolicyProblem[] {
  if (text.trim() === '') return [{ offset: 0, length: 0, message: 'The policy is empty: write a JSON policy document.' }];
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors.map((e) => ({
    offset: e.offset,
    length: Math.max(1, e.length),
    message: `Not valid JSON: ${describeParseError(printParseErrorCode(e.error))}.`,
  }));
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function statements(root: Node | undefined): Node[] {
  const statement = root && findNodeAtLocation(root, ['Statement']);
  if (!statement) return [];
  return statement.type === 'array' ? (statement.children ?? []) : [statement];
}

function member(node: Node, key: string): Node | undefined {
  return node.type === 'object' ? findNodeAtLocation(node, [key]) : undefined;
}

function isWildcard(principal: Node | undefined): boolean {
  if (!principal) return false;
  if (principal.type === 'string') return principal.value === '*';
  const aws = member(principal, 'AWS');
  if (!aws) return false;
  return aws.type === 'string' ? aws.value === '*' : (aws.children ?? []).some((c) => c.value === '*');
}

const span = (node: Node): TextSpan => ({ offset: node.offset, length: node.length });

/**
 * Where a finding belongs: a "Statement N" it names; the wildcard principals of Allow statements
 * for broad access; Deny statements for a lock-out; else the Statement element (or the start).
 */
export function findingSpans(text: string, finding: { checkName?: string; message: string }): TextSpan[] {
  const root = parseTree(text, [], { disallowComments: true });
  const all = statements(root);
  const words = `${finding.checkName ?? ''} ${finding.message}`;
  const numbered = /Statement (\d+)/.exec(words);
  if (numbered && all[Number(numbered[1]) - 1]) return [span(all[Number(numbered[1]) - 1]!)];
  const effect = (s: Node) => member(s, 'Effect')?.value;
  if (/broad|wide|public|principal|anyone/i.test(words)) {
    const wild = all.filter((s) => effect(s) === 'Allow' && isWildcard(member(s, 'Principal'))).map((s) => span(member(s, 'Principal')!));
    if (wild.length) return wild;
  }
  if (/lock/i.test(words)) {
    const denies = all.filter((s) => effect(s) === 'Deny').map(span);
    if (denies.length) return denies;
  }
  const statement = root && findNodeAtLocation(root, ['Statement']);
  return [statement?.parent?.children?.[0] ? span(statement.parent.children[0]) : { offset: 0, length: Math.min(1, text.length) }];
}
