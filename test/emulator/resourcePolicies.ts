/**
 * Secrets Manager resource policies: GetResourcePolicy, PutResourcePolicy (with
 * BlockPublicPolicy), DeleteResourcePolicy and ValidateResourcePolicy, as the API reference
 * documents them. Validation does what the reference says the service checks — correct syntax,
 * no broad access (a wildcard principal in an Allow statement without a condition), no lock-out
 * of callers (a Deny of every action to every principal) — with the emulator's own wording:
 * AWS does not document its `CheckName` values, and the extension only shows them.
 */
import { AwsError, compact, type Input, type RequestContext, validationError } from './protocol';
import { findSecret } from './secretIds';
import type { EmulatorState, Secret } from './state';

/** ResourcePolicy › Length Constraints: 1 to 20480. */
const MAX_POLICY_LENGTH = 20_480;
const VERSIONS = ['2012-10-17', '2008-10-17'];
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

interface Finding {
  CheckName: string;
  ErrorMessage: string;
}

function requireSecret(state: EmulatorState, input: Input, ctx: RequestContext): Secret {
  const secret = findSecret(state.region(ctx.region), input.string('SecretId'));
  if (!secret) throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  return secret;
}

function readPolicy(input: Input): string {
  const policy = input.string('ResourcePolicy');
  if (policy.length < 1 || policy.length > MAX_POLICY_LENGTH) {
    throw validationError('resourcePolicy', `Member must have length less than or equal to ${MAX_POLICY_LENGTH} and greater than or equal to 1`);
  }
  return policy;
}

/** The parsed document, or the MalformedPolicyDocumentException AWS answers for text that is not JSON. */
function parse(policy: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw new AwsError('MalformedPolicyDocumentException', 'This resource policy contains a syntax error.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError('MalformedPolicyDocumentException', 'This resource policy contains a syntax error.');
  }
  return parsed as Record<string, unknown>;
}

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function statementsOf(document: Record<string, unknown>): Record<string, unknown>[] {
  return list(document['Statement']).filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s));
}

/** Grammar problems (IAM JSON policy element reference): Version, Statement, Effect, Principal, Action. */
function syntaxFindings(document: Record<string, unknown>): Finding[] {
  const problems: string[] = [];
  if (document['Version'] !== undefined && !VERSIONS.includes(String(document['Version']))) problems.push(`Version must be "2012-10-17".`);
  const statements = list(document['Statement']);
  if (statements.length === 0) problems.push('The policy has no Statement.');
  statements.forEach((statement, index) => {
    const at = `Statement ${index + 1}`;
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) {
      problems.push(`${at} is not an object.`);
      return;
    }
    const s = statement as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) problems.push(`${at} has an unknown element ${key}.`);
    if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') problems.push(`${at}: Effect must be Allow or Deny.`);
    if (s['Principal'] === undefined && s['NotPrincipal'] === undefined)
      problems.push(`${at} has no Principal: a resource policy must name who it applies to.`);
    if (s['Action'] === undefined && s['NotAction'] === undefined) problems.push(`${at} has no Action.`);
    for (const action of list(s['Action'] ?? s['NotAction'])) {
      if (typeof action !== 'string' || !(action === '*' || /^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)))
        problems.push(`${at}: ${JSON.stringify(action)} is not an action.`);
    }
  });
  return problems.map((ErrorMessage) => ({ CheckName: 'SYNTAX', ErrorMessage }));
}

function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  return list((principal as Record<string, unknown>)['AWS']).includes('*');
}

/** An Allow to every principal with no condition grants the secret to anyone: the broad access AWS blocks. */
function broadAccessFindings(document: Record<string, unknown>): Finding[] {
  return statementsOf(document)
    .filter((s) => s['Effect'] === 'Allow' && isWildcardPrincipal(s['Principal']) && s['Condition'] === undefined)
    .map(() => ({
      CheckName: 'BROAD_ACCESS',
      ErrorMessage: 'The resource policy grants access to a wide range of principals ("Principal": "*" without a condition): anyone could read this secret.',
    }));
}

/** A Deny of everything to everyone leaves no one, administrators included, able to manage the secret. */
function lockoutFindings(document: Record<string, unknown>): Finding[] {
  return statementsOf(document)
    .filter((s) => s['Effect'] === 'Deny' && isWildcardPrincipal(s['Principal']) && s['Condition'] === undefined)
    .filter((s) => list(s['Action']).some((a) => a === '*' || a === 'secretsmanager:*'))
    .map(() => ({
      CheckName: 'LOCKOUT',
      ErrorMessage: 'The resource policy denies every action to every principal: it would lock everyone out of the secret.',
    }));
}

function validate(policy: string): Finding[] {
  const document = parse(policy);
  const syntax = syntaxFindings(document);
  return syntax.length ? syntax : [...broadAccessFindings(document), ...lockoutFindings(document)];
}

function getResourcePolicy(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state, input, ctx);
  return compact({ ARN: secret.arn, Name: secret.name, ResourcePolicy: secret.resourcePolicy });
}

function putResourcePolicy(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state, input, ctx);
  const policy = readPolicy(input);
  const document = parse(policy);
  const syntax = syntaxFindings(document);
  if (syntax.length) throw new AwsError('MalformedPolicyDocumentException', syntax.map((f) => f.ErrorMessage).join(' '));
  if ((input.optBool('BlockPublicPolicy') ?? false) && broadAccessFindings(document).length) {
    throw new AwsError(
      'PublicPolicyException',
      'The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.',
    );
  }
  secret.resourcePolicy = policy;
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, Name: secret.name };
}

function deleteResourcePolicy(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state, input, ctx);
  secret.resourcePolicy = undefined;
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, Name: secret.name };
}

function validateResourcePolicy(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  if (input.has('SecretId')) requireSecret(state, input, ctx);
  const findings = validate(readPolicy(input));
  return { PolicyValidationPassed: findings.length === 0, ValidationErrors: findings };
}

export const RESOURCE_POLICY_OPERATIONS: Record<string, (state: EmulatorState, input: Input, ctx: RequestContext) => unknown> = {
  GetResourcePolicy: getResourcePolicy,
  PutResourcePolicy: putResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  ValidateResourcePolicy: validateResourcePolicy,
};
