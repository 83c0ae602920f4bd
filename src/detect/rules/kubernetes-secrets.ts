// Kubernetes Secrets: every entry under `data:` (base64) or `stringData:` of a
// `kind: Secret` manifest is meant to be secret, whatever its key is called
// (`config`, `.htpasswd`, `tls.key`). Entries whose key is a secret name are
// already judged by the assignment rule; this one judges the rest, on the decoded
// value, and skips keys that name plain settings (`username`, `host`, `ca.crt`).

import { classifySecretName } from '../names';
import { readQuoted } from '../literals';
import { judgeSecretValue } from '../values';
import { MAX_ANALYSED_LINE, type RuleContext } from './context';

const KIND_SECRET = /^kind:\s*["']?Secret["']?\s*$/m;
const KIND_LINE = /^kind:\s*["']?Secret["']?\s*$/;
const NOT_SECRET_KEYS =
  /^(?:user(?:name)?|login|email|host(?:name)?|port|database|db|dbname|namespace|region|endpoint|url|uri|ca\.crt|tls\.crt|.*\.(?:crt|pem\.pub|pub))$/i;

export function runKubernetesSecrets(context: RuleContext): void {
  const { text, index } = context;
  if (context.family !== 'yaml' || !KIND_SECRET.test(text)) return;
  const secretLines = secretDocumentLines(context);
  let blockIndent = -1;
  let encoded = false;
  for (let line = 0; line < index.lineCount && !context.full; line++) {
    const content = index.lineText(line);
    if (content.length > MAX_ANALYSED_LINE) continue;
    const indent = content.length - content.trimStart().length;
    if (blockIndent >= 0 && content.trim() !== '' && indent <= blockIndent) blockIndent = -1;
    if (!secretLines[line]) continue;
    const block = /^(\s*)(data|stringData):\s*$/.exec(content);
    if (block) {
      blockIndent = block[1].length;
      encoded = block[2] === 'data';
      continue;
    }
    if (blockIndent < 0) continue;
    const entry = /^\s+["']?([\w.-]{1,120})["']?:\s+(\S.*)$/.exec(content);
    if (!entry) continue;
    const key = entry[1];
    if (classifySecretName(key) || NOT_SECRET_KEYS.test(key)) continue;
    reportEntry(context, line, key, content.length - entry[2].length, encoded);
  }
}

/** Which lines belong to a YAML document (between `---` lines) whose `kind` is `Secret`. */
function secretDocumentLines(context: RuleContext): boolean[] {
  const { index } = context;
  const lines = new Array<boolean>(index.lineCount).fill(false);
  let start = 0;
  let secret = false;
  for (let line = 0; line <= index.lineCount; line++) {
    const content = line < index.lineCount ? index.lineText(line) : '---';
    if (/^---/.test(content)) {
      if (secret) lines.fill(true, start, line);
      start = line + 1;
      secret = false;
    } else if (KIND_LINE.test(content)) {
      secret = true;
    }
  }
  return lines;
}

function reportEntry(context: RuleContext, line: number, key: string, column: number, encoded: boolean): void {
  const content = context.index.lineText(line);
  const quoted = content[column] === '"' || content[column] === "'" ? readQuoted(content, column) : undefined;
  const valueStart = quoted ? quoted.contentStart : column;
  const valueEnd = quoted ? quoted.contentEnd : content.replace(/\s+#.*$/, '').trimEnd().length;
  const value = content.slice(valueStart, valueEnd);
  if (encoded && !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return;
  const verdict = judgeSecretValue(value, { kind: 'secret', strength: 'weak', config: true, minEntropy: context.minEntropy });
  if (!verdict) return;
  const lineStart = context.index.lineStart(line);
  context.report({
    ruleId: 'secret-assignment',
    kind: 'secret',
    severity: verdict.confidence === 'low' ? 'info' : 'warning',
    confidence: verdict.confidence,
    secretStart: lineStart + valueStart,
    secretEnd: lineStart + valueEnd,
    replaceStart: lineStart + (quoted ? quoted.start : valueStart),
    replaceEnd: lineStart + (quoted ? quoted.end : valueEnd),
    quote: quoted ? quoted.quote : '',
    name: key,
    priority: 50,
  });
}
