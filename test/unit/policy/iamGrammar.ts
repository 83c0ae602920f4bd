/**
 * A checker of IAM's JSON policy grammar, written from the IAM User Guide ("IAM JSON policy
 * grammar" and "IAM JSON policy elements reference"), independent of the generator it checks:
 *
 *   policy    = { <version_block>?, <id_block>?, <statement_block> }
 *   version   = "Version" : ("2008-10-17" | "2012-10-17")
 *   statement = { <sid_block>?, <principal_block>?, <effect_block>, <action_block>,
 *                 <resource_block>, <condition_block>? }
 *   effect    = "Effect" : ("Allow" | "Deny")
 *   action    = ("Action" | "NotAction") : ("*" | [<action_string>, ...])
 *   resource  = ("Resource" | "NotResource") : ("*" | [<resource_string>, ...])
 *   condition = "Condition" : { <condition_type_string> : { <condition_key_string> : <condition_value_list> }, ... }
 *
 * with: a Sid of ASCII letters and digits, unique in the policy; action strings
 * `service-prefix:action` (letters, digits, `*` and `?`); resource strings ARNs
 * `arn:partition:service:region:account-id:resource`; no Principal in an identity-based policy.
 */
const VERSIONS = ['2008-10-17', '2012-10-17'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;
const ARN = /^arn:(aws|aws-cn|aws-us-gov):[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;
const CONDITION_OPERATORS = /^(ForAnyValue:|ForAllValues:)?(String|Numeric|Date|Bool|Binary|IpAddress|NotIpAddress|Arn|Null)[A-Za-z]*(IfExists)?$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] | undefined =>
  typeof value === 'string' ? [value] : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;

/** Every way `document` breaks the grammar of an identity-based policy; empty when it is valid. */
export function identityPolicyProblems(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ['the policy is not a JSON object'];
  for (const key of Object.keys(document)) if (!['Version', 'Id', 'Statement'].includes(key)) problems.push(`unknown top-level element ${key}`);
  if (document.Version !== undefined && !VERSIONS.includes(String(document.Version)))
    problems.push(`Version ${String(document.Version)} is not a policy language version`);
  const statements = Array.isArray(document.Statement) ? document.Statement : document.Statement === undefined ? [] : [document.Statement];
  if (statements.length === 0) problems.push('no Statement');
  const sids = new Set<string>();
  statements.forEach((statement: unknown, index) => {
    const at = `Statement[${index}]`;
    if (!isObject(statement)) return problems.push(`${at} is not an object`);
    for (const key of Object.keys(statement)) if (!STATEMENT_KEYS.includes(key)) problems.push(`${at} has unknown element ${key}`);
    if (statement.Sid !== undefined) {
      if (typeof statement.Sid !== 'string' || !/^[A-Za-z0-9]*$/.test(statement.Sid)) problems.push(`${at}.Sid must be ASCII letters and digits`);
      else if (sids.has(statement.Sid)) problems.push(`${at}.Sid ${statement.Sid} is not unique`);
      else sids.add(statement.Sid);
    }
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') problems.push(`${at}.Effect must be Allow or Deny`);
    if (statement.Principal !== undefined || statement.NotPrincipal !== undefined) problems.push(`${at}: an identity-based policy has no Principal`);
    const actions = statement.Action ?? statement.NotAction;
    if ((statement.Action === undefined) === (statement.NotAction === undefined)) problems.push(`${at} needs exactly one of Action and NotAction`);
    const actionList = strings(actions);
    if (!actionList) problems.push(`${at}.Action must be a string or a non-empty list of strings`);
    else for (const action of actionList) if (action !== '*' && !ACTION.test(action)) problems.push(`${at}: ${action} is not an action`);
    if ((statement.Resource === undefined) === (statement.NotResource === undefined)) problems.push(`${at} needs exactly one of Resource and NotResource`);
    const resources = strings(statement.Resource ?? statement.NotResource);
    if (!resources) problems.push(`${at}.Resource must be a string or a non-empty list of strings`);
    else for (const resource of resources) if (resource !== '*' && !ARN.test(resource)) problems.push(`${at}: ${resource} is not an ARN`);
    if (statement.Condition !== undefined) {
      if (!isObject(statement.Condition)) problems.push(`${at}.Condition must be an object`);
      else
        for (const [operator, block] of Object.entries(statement.Condition)) {
          if (!CONDITION_OPERATORS.test(operator)) problems.push(`${at}: ${operator} is not a condition operator`);
          if (!isObject(block)) problems.push(`${at}.Condition.${operator} must map condition keys to values`);
          else
            for (const [key, value] of Object.entries(block))
              if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_/:-]+$/.test(key) || !strings(value)) problems.push(`${at}: condition ${key} is malformed`);
        }
    }
  });
  return problems;
}
