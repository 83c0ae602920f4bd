// Finds code that fetches a secret or parameter by a literal name — SDK calls in the supported
// languages, the AWS CLI, CloudFormation dynamic references and the helpers our quick fixes
// write — so the editor can say whether that secret or parameter exists.

import type { ItemService } from '../aws/items';

export interface Lookup {
  readonly service: ItemService;
  /** The secret name / ARN or parameter name, as written. */
  readonly name: string;
  /** Offsets of the name in the text (inside its quotes). */
  readonly start: number;
  readonly end: number;
}

/** A quoted AWS name: the quote, then 1–512 name characters (ARN colons included), then the same quote. */
const QUOTED = String.raw`(["'\x60])((?:arn:[A-Za-z0-9:/_+=.@-]{1,400})|[A-Za-z0-9/_+=.@-]{1,512})\1`;
/** Go and Java wrap literals in calls such as aws.String("…"). */
const WRAP = String.raw`(?:aws\.String\(\s*|String\(\s*)?`;

interface Pattern {
  readonly service: ItemService;
  readonly regex: RegExp;
  /** Cheap substring that must be on the line before the regex runs. */
  readonly keyword: string;
}

// Every quantifier is bounded: these run on every keystroke in the editor.
const PATTERNS: readonly Pattern[] = [
  // SecretId: 'x' · SecretId = "x" · SecretId: aws.String("x") · 'SecretId' => 'x' · secret_id: 'x' · .secretId("x")
  {
    service: 'secretsmanager',
    keyword: 'ecret',
    regex: new RegExp(String.raw`\b(?:SecretId|secret_id|secretId)['"]?\s{0,4}(?:[:=(]|=>)\s{0,4}${WRAP}${QUOTED}`, 'g'),
  },
  // AWS CLI: --secret-id name
  { service: 'secretsmanager', keyword: '--secret-id', regex: /--secret-id[ =]{1,4}(["']?)([A-Za-z0-9/_+=.@:-]{1,512})\1(?![A-Za-z0-9/_+=.@:-])/g },
  // PowerShell: Get-SECSecretValue -SecretId 'x'
  { service: 'secretsmanager', keyword: 'SecretValue', regex: new RegExp(String.raw`Get-SECSecretValue[^\n]{0,40}?-SecretId\s{1,4}${QUOTED}`, 'g') },
  // CloudFormation: {{resolve:secretsmanager:name…}}
  {
    service: 'secretsmanager',
    keyword: 'resolve:secretsmanager',
    regex: /\{\{resolve:secretsmanager:()((?:arn:[A-Za-z0-9/_+=.@-]{1,300}:secret:)?[A-Za-z0-9/_+=.@-]{1,512})/g,
  },
  // Our quick fixes' helpers: secretsManagerValue(client, "x"), secrets_manager_value('x'), SecretsManagerLookup.ValueAsync("x")
  {
    service: 'secretsmanager',
    keyword: 'ecrets',
    regex: new RegExp(
      String.raw`\b(?:secretsManagerValue|secretsManagerJsonField|secrets_manager_value|SecretsManagerLookup\.\w{1,30})\(\s{0,4}(?:[A-Za-z_][\w.]{0,40}\s{0,4},\s{0,4})?${QUOTED}`,
      'g',
    ),
  },
  // GetParameter… { Name: 'x' } · get_parameter(Name='x') · GetParameterInput{ Name: aws.String("x") } · .name("x") · name: 'x' · 'Name' => 'x'
  {
    service: 'ssm',
    keyword: 'arameter',
    regex: new RegExp(
      String.raw`(?:GetParameter\w{0,12}|get_parameter|getParameter)\b[^;\n]{0,60}?\b[Nn]ame['"]?\s{0,4}(?:[:=(]|=>)\s{0,4}${WRAP}${QUOTED}`,
      'g',
    ),
  },
  // AWS CLI: aws ssm get-parameter --name x
  { service: 'ssm', keyword: 'get-parameter', regex: /get-parameter\b[^\n]{0,80}?--name[ =]{1,4}(["']?)([A-Za-z0-9/_.:-]{1,1011})\1(?![A-Za-z0-9/_.:-])/g },
  // PowerShell: Get-SSMParameter -Name 'x'
  { service: 'ssm', keyword: 'SSMParameter', regex: new RegExp(String.raw`Get-SSMParameter\w{0,8}[^\n]{0,40}?-Name\s{1,4}${QUOTED}`, 'g') },
  // CloudFormation: {{resolve:ssm:name}} and {{resolve:ssm-secure:name}}
  { service: 'ssm', keyword: 'resolve:ssm', regex: /\{\{resolve:ssm(?:-secure)?:()([A-Za-z0-9/_.-]{1,1011})/g },
  // Our quick fixes' helpers.
  {
    service: 'ssm',
    keyword: 'arameter',
    regex: new RegExp(
      String.raw`\b(?:parameterStoreValue|parameter_store_value|ParameterStoreLookup\.\w{1,30})\(\s{0,4}(?:[A-Za-z_][\w.]{0,40}\s{0,4},\s{0,4})?${QUOTED}`,
      'g',
    ),
  },
];

/** Lines longer than this (minified code) are not searched. */
const MAX_LINE = 2_000;

/** Every literal lookup in `text`, in order. Language-agnostic: the patterns are specific enough. */
export function findLookups(text: string): Lookup[] {
  const found: Lookup[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart <= MAX_LINE) {
      const line = text.slice(lineStart, lineEnd);
      for (const pattern of PATTERNS) {
        if (!line.includes(pattern.keyword)) continue;
        pattern.regex.lastIndex = 0;
        for (let match = pattern.regex.exec(line); match; match = pattern.regex.exec(line)) {
          const name = match[2];
          const offset = match.index + match[0].lastIndexOf(name);
          if (!found.some((f) => f.start === lineStart + offset))
            found.push({ service: pattern.service, name, start: lineStart + offset, end: lineStart + offset + name.length });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return found.sort((a, b) => a.start - b.start);
}
