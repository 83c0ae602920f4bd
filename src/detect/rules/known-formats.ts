// Credentials with a fixed, documented shape (a vendor prefix and a length).
// Formats come from the providers' documentation and the public rule lists of
// gitleaks / secretlint / trufflehog; the expressions are ours. Every
// quantifier is bounded and every pattern starts at a token boundary, so the
// cost stays linear on any input.

import { shannonEntropy } from '../entropy';
import { isFiller, isPlaceholder } from '../value-shapes';
import { placeSecret, type RuleContext } from './context';
import type { Confidence, Severity } from '../types';

export interface KnownFormat {
  id: string;
  kind: string;
  severity: Severity;
  confidence: Confidence;
  /** Global; capture group 1, when present, is the secret. */
  pattern: RegExp;
  /**
   * The literal(s) every match starts with, as a regex source. Rules with one are run only where
   * a single combined pass over the text found such a start, instead of each scanning the whole
   * text (the detector runs on every pause in typing).
   */
  starts?: string;
  /**
   * A rare literal start beginning with a common letter (`EAAA`, `api_org_`): kept out of the
   * combined pass, which slows down with every common first character, and found by a second
   * pass of literals only.
   */
  rare?: boolean;
  /** Must match the text just before the pattern's match; it is part of the secret. */
  lead?: RegExp;
  /** Extra check on the secret (placeholders, documented examples, decodable headers). */
  validate?: (secret: string) => boolean;
  /** Findings of these rules on nearby lines belong together (AWS key id + secret key). */
  pairs?: boolean;
}

/**
 * Not an illustration: no `EXAMPLE`, no `xxxx` / `your…` placeholder, no filler
 * (`abcdefghijklmnopqrstuvwxyz1234567`, `abcd1234abcd1234`, `-####`), enough randomness in the variable part.
 */
function realistic(tailFrom: number, minEntropy = 2.5) {
  return (secret: string): boolean => {
    const tail = secret.slice(tailFrom);
    return !/example/i.test(secret) && !isPlaceholder(tail) && !isFiller(tail) && shannonEntropy(tail) >= minEntropy;
  };
}

const JWT_IO_SAMPLE_SIGNATURE = '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

function isJwt(secret: string): boolean {
  const header = secret.slice(0, secret.indexOf('.'));
  try {
    const decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown;
    // The token jwt.io shows (John Doe, signed with "your-256-bit-secret") is everywhere in documentation.
    return typeof decoded === 'object' && decoded !== null && 'alg' in decoded && !/example/i.test(secret) && !secret.endsWith(JWT_IO_SAMPLE_SIGNATURE);
  } catch {
    return false;
  }
}

const B = '(?<![A-Za-z0-9_\\-])'; // left token boundary
const E = '(?![A-Za-z0-9_\\-])'; // right token boundary

function re(source: string, flags = 'g'): RegExp {
  return new RegExp(source, flags);
}

export const KNOWN_FORMATS: readonly KnownFormat[] = [
  {
    id: 'aws-access-key-id',
    kind: 'AWS access key ID',
    severity: 'error',
    confidence: 'high',
    pairs: true,
    starts: 'AKIA|ASIA|ABIA|ACCA',
    pattern: re(`(?<![A-Za-z0-9/+])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9/+])`),
    validate: realistic(4, 2.8),
  },
  {
    id: 'github-token',
    kind: 'GitHub token',
    severity: 'error',
    confidence: 'high',
    starts: 'gh[pousr]_',
    pattern: re(`${B}gh[pousr]_[A-Za-z0-9]{36,76}${E}`),
    validate: realistic(4),
  },
  {
    id: 'github-fine-grained-token',
    kind: 'GitHub token',
    severity: 'error',
    confidence: 'high',
    starts: 'github_pat_',
    pattern: re(`${B}github_pat_[A-Za-z0-9_]{50,120}${E}`),
    validate: realistic(11),
  },
  {
    id: 'gitlab-token',
    kind: 'GitLab token',
    severity: 'error',
    confidence: 'high',
    starts: 'gl(?:pat|dt|rt|ptt|soat|cbt|ft|imt|agent|oas|ffct)-',
    pattern: re(`${B}gl(?:pat|dt|rt|ptt|soat|cbt|ft|imt|agent|oas|ffct)-[A-Za-z0-9_\\-]{20,64}${E}`),
    validate: realistic(6),
  },
  {
    id: 'gitlab-runner-token',
    kind: 'GitLab runner registration token',
    severity: 'error',
    confidence: 'high',
    starts: 'GR1348941',
    rare: true,
    pattern: re(`${B}GR1348941[A-Za-z0-9_\\-]{20}${E}`),
    validate: realistic(9),
  },
  {
    id: 'slack-token',
    kind: 'Slack token',
    severity: 'error',
    confidence: 'high',
    starts: 'xox',
    pattern: re(`${B}xox(?:[abposr]|e(?:\\.xox[bp])?)-[0-9]{1,16}-[0-9A-Za-z\\-]{8,250}${E}`),
    validate: realistic(5),
  },
  {
    id: 'slack-app-token',
    kind: 'Slack app-level token',
    severity: 'error',
    confidence: 'high',
    starts: 'xapp-',
    pattern: re(`${B}xapp-\\d-[A-Z0-9]{8,16}-\\d{8,16}-[a-z0-9]{32,80}${E}`),
    validate: realistic(5),
  },
  {
    id: 'slack-webhook-url',
    kind: 'Slack webhook URL',
    severity: 'error',
    confidence: 'high',
    pattern: re(`https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+\\-]{30,160}`),
    validate: realistic(30),
  },
  {
    id: 'stripe-live-key',
    kind: 'Stripe live key',
    severity: 'error',
    confidence: 'high',
    starts: '(?:sk|rk)_live_',
    pattern: re(`${B}(?:sk|rk)_live_[0-9A-Za-z]{16,247}${E}`),
    validate: realistic(8),
  },
  {
    id: 'google-api-key',
    kind: 'Google API key',
    severity: 'error',
    confidence: 'high',
    starts: 'AIza',
    pattern: re(`${B}AIza[0-9A-Za-z_\\-]{35}${E}`),
    validate: realistic(4),
  },
  {
    id: 'sendgrid-api-key',
    kind: 'SendGrid API key',
    severity: 'error',
    confidence: 'high',
    starts: 'SG\\.',
    pattern: re(`${B}SG\\.[0-9A-Za-z_\\-]{16,32}\\.[0-9A-Za-z_\\-]{30,64}${E}`),
    validate: realistic(3),
  },
  {
    id: 'npm-token',
    kind: 'npm token',
    severity: 'error',
    confidence: 'high',
    starts: 'npm_',
    pattern: re(`${B}npm_[A-Za-z0-9]{36}${E}`),
    validate: realistic(4),
  },
  {
    id: 'openai-api-key',
    kind: 'OpenAI API key',
    severity: 'error',
    confidence: 'high',
    starts: 'sk-',
    pattern: re(`${B}sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})${E}`),
    validate: realistic(3, 3.5),
  },
  {
    id: 'anthropic-api-key',
    kind: 'Anthropic API key',
    severity: 'error',
    confidence: 'high',
    starts: 'sk-ant-',
    pattern: re(`${B}sk-ant-(?:api|admin|sid)\\d{2}-[A-Za-z0-9_\\-]{80,120}${E}`),
    validate: realistic(14),
  },
  {
    id: 'huggingface-token',
    kind: 'Hugging Face token',
    severity: 'error',
    confidence: 'high',
    starts: 'hf_',
    pattern: re(`${B}hf_[A-Za-z]{34}${E}`),
    validate: realistic(3, 3.5),
  },
  {
    id: 'huggingface-org-token',
    kind: 'Hugging Face token',
    severity: 'error',
    confidence: 'high',
    starts: 'api_org_',
    rare: true,
    pattern: re(`${B}api_org_[A-Za-z]{34}${E}`),
    validate: realistic(8, 3.5),
  },
  {
    id: 'pypi-token',
    kind: 'PyPI token',
    severity: 'error',
    confidence: 'high',
    starts: 'pypi-AgEI',
    pattern: re(`${B}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,300}${E}`),
    validate: realistic(20),
  },
  {
    id: 'shopify-token',
    kind: 'Shopify token',
    severity: 'error',
    confidence: 'high',
    starts: 'shp(?:at|ca|pa|ss|ua)_',
    pattern: re(`${B}shp(?:at|ca|pa|ss|ua)_[a-fA-F0-9]{32}${E}`),
    validate: realistic(6),
  },
  {
    id: 'digitalocean-token',
    kind: 'DigitalOcean token',
    severity: 'error',
    confidence: 'high',
    starts: 'do[opr]_v1_',
    pattern: re(`${B}do[opr]_v1_[a-f0-9]{64}${E}`),
    validate: realistic(7),
  },
  {
    id: 'databricks-token',
    kind: 'Databricks token',
    severity: 'error',
    confidence: 'high',
    starts: 'dapi',
    pattern: re(`${B}dapi[a-f0-9]{32}(?:-\\d)?${E}`),
    validate: realistic(4),
  },
  {
    id: 'postman-api-key',
    kind: 'Postman API key',
    severity: 'error',
    confidence: 'high',
    starts: 'PMAK-',
    pattern: re(`${B}PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}${E}`),
    validate: realistic(5),
  },
  {
    id: 'square-token',
    kind: 'Square token',
    severity: 'error',
    confidence: 'high',
    starts: 'sq0(?:atp|csp)-',
    pattern: re(`${B}sq0(?:atp|csp)-[0-9A-Za-z_\\-]{22,43}${E}`),
    validate: realistic(7),
  },
  {
    id: 'square-access-token',
    kind: 'Square token',
    severity: 'error',
    confidence: 'high',
    starts: 'EAAA',
    rare: true,
    pattern: re(`${B}EAAA[0-9A-Za-z_\\-]{60}${E}`),
    validate: realistic(4, 3.5),
  },
  {
    id: 'aws-bedrock-api-key',
    kind: 'AWS Bedrock API key',
    severity: 'error',
    confidence: 'high',
    starts: 'ABSK',
    pattern: re(`(?<![A-Za-z0-9/+])ABSK[A-Za-z0-9+/]{109,269}={0,2}(?![A-Za-z0-9/+=])`),
    validate: realistic(4, 4),
  },
  {
    id: 'linear-api-key',
    kind: 'Linear API key',
    severity: 'error',
    confidence: 'high',
    starts: 'lin_api_',
    pattern: re(`${B}lin_api_[A-Za-z0-9]{40}${E}`),
    validate: realistic(8),
  },
  {
    id: 'new-relic-key',
    kind: 'New Relic key',
    severity: 'error',
    confidence: 'high',
    starts: 'NRAK-',
    pattern: re(`${B}NRAK-[A-Z0-9]{27}${E}`),
    validate: realistic(5),
  },
  {
    id: 'hashicorp-vault-token',
    kind: 'Vault token',
    severity: 'error',
    confidence: 'high',
    starts: 'hv[sb]\\.',
    pattern: re(`${B}hv[sb]\\.[A-Za-z0-9_\\-]{24,200}${E}`),
    validate: realistic(4, 3.5),
  },
  {
    id: 'doppler-token',
    kind: 'Doppler token',
    severity: 'error',
    confidence: 'high',
    starts: 'dp\\.',
    pattern: re(`${B}dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}${E}`),
    validate: realistic(6),
  },
  {
    id: 'age-secret-key',
    kind: 'age secret key',
    severity: 'error',
    confidence: 'high',
    starts: 'AGE-SECRET-KEY-1',
    pattern: re(`${B}AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}${E}`),
    validate: realistic(16),
  },
  {
    id: 'telegram-bot-token',
    kind: 'Telegram bot token',
    severity: 'error',
    confidence: 'high',
    // Anchored on ":AA", which is fast to find; the bot id before it is the `lead`.
    pattern: re(`:AA[0-9A-Za-z_\\-]{33}${E}`),
    lead: /(?<![A-Za-z0-9_:])\d{8,10}$/,
    validate: realistic(11),
  },
  {
    id: 'twilio-api-key',
    kind: 'Twilio API key',
    severity: 'error',
    confidence: 'medium',
    starts: 'SK[0-9a-f]',
    pattern: re(`${B}SK[0-9a-f]{32}${E}`),
    validate: realistic(2, 3.2),
  },
  {
    id: 'azure-ad-client-secret',
    kind: 'Azure AD client secret',
    severity: 'error',
    confidence: 'high',
    pattern: re(`(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])`),
    validate: realistic(6, 3.5),
  },
  {
    id: 'azure-storage-account-key',
    kind: 'Azure storage account key',
    severity: 'error',
    confidence: 'high',
    pattern: re(`AccountKey\\s{0,3}=\\s{0,3}([A-Za-z0-9+/]{86}==)`, 'gi'),
    validate: realistic(0, 4),
  },
  {
    id: 'azure-shared-access-key',
    kind: 'Azure shared access key',
    severity: 'error',
    confidence: 'high',
    pattern: re(`SharedAccessKey\\s{0,3}=\\s{0,3}([A-Za-z0-9+/]{42}[A-Za-z0-9+/=]{2})`, 'gi'),
    validate: realistic(0, 4),
  },
  {
    id: 'jwt',
    kind: 'JSON Web Token',
    severity: 'warning',
    confidence: 'medium',
    starts: 'eyJ',
    pattern: re(`${B}eyJ[A-Za-z0-9_\\-]{8,2000}\\.eyJ[A-Za-z0-9_\\-]{8,8000}\\.[A-Za-z0-9_\\-]{16,2000}${E}`),
    validate: isJwt,
  },
];

/** One pass finds every place a prefixed rule could match; built once. */
const PREFIXED = KNOWN_FORMATS.filter((f) => f.starts !== undefined).map((format) => ({
  format,
  start: new RegExp(format.starts ?? '', 'y'),
  // Sticky: tried exactly at a candidate position (its lookbehind still sees the text before).
  pattern: new RegExp(format.pattern.source, `${format.pattern.flags.replace('g', '')}y`),
}));
// Every prefixed rule's own left boundary rejects a letter or digit before its start, so the pass
// does too: inside a run such as AKIAAKIA… only the first start is a candidate.
const CANDIDATES = new RegExp(
  `(?<![A-Za-z0-9])(?:${PREFIXED.filter((p) => !p.format.rare)
    .map((p) => p.format.starts)
    .join('|')})`,
  'g',
);
/** The rare starts, as plain literals (a fast substring search); the left boundary is checked in code. */
const RARE_CANDIDATES = new RegExp(
  PREFIXED.filter((p) => p.format.rare)
    .map((p) => p.format.starts)
    .join('|'),
  'g',
);

/** The rules that can start with a given character, so a candidate is only tried against those. */
const BY_FIRST_CHAR = new Map<string, typeof PREFIXED>();
for (const prefixed of PREFIXED) {
  for (const ch of firstChars(prefixed.format.starts ?? '')) BY_FIRST_CHAR.set(ch, [...(BY_FIRST_CHAR.get(ch) ?? []), prefixed]);
}

/** First characters a `starts` source can begin with: literal starts of its top-level alternatives, looking into a leading `(?:…)`. */
function firstChars(source: string): string[] {
  const chars: string[] = [];
  let depth = 0;
  let alternative = 0;
  for (let i = 0; i <= source.length; i++) {
    const ch = source[i];
    if (i === source.length || (ch === '|' && depth === 0)) {
      const part = source.slice(alternative, i);
      chars.push(...(part.startsWith('(?:') ? firstChars(part.slice(3, matchingParen(part, 0))) : [part[0]]));
      alternative = i + 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
  }
  return chars;
}

function matchingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i;
  }
  return source.length;
}
const UNPREFIXED = KNOWN_FORMATS.filter((f) => f.starts === undefined);

/** Runs every enabled known-format rule over the whole text (long lines included). */
export function runKnownFormats(context: RuleContext, enabled: (ruleId: string) => boolean): void {
  const text = context.text;
  for (const format of UNPREFIXED) {
    if (!enabled(format.id)) continue;
    const pattern = format.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match && !context.full; match = pattern.exec(text)) reportMatch(context, format, match);
  }
  if (!PREFIXED.some((p) => enabled(p.format.id))) return;
  // Where each rule's last match ended: like a global regex, a rule never matches inside its own previous match.
  const nextFrom = new Map<KnownFormat, number>();
  for (const candidates of [CANDIDATES, RARE_CANDIDATES]) runCandidates(context, enabled, candidates, nextFrom);
}

function runCandidates(context: RuleContext, enabled: (ruleId: string) => boolean, candidates: RegExp, nextFrom: Map<KnownFormat, number>): void {
  const text = context.text;
  candidates.lastIndex = 0;
  for (let candidate = candidates.exec(text); candidate && !context.full; candidate = candidates.exec(text)) {
    const at = candidate.index;
    for (const { format, start, pattern } of BY_FIRST_CHAR.get(text[at]) ?? []) {
      if ((format.rare === true) !== (candidates === RARE_CANDIDATES)) continue;
      if (!enabled(format.id) || (nextFrom.get(format) ?? 0) > at) continue;
      start.lastIndex = at;
      if (!start.test(text)) continue;
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (!match) continue;
      nextFrom.set(format, at + match[0].length);
      reportMatch(context, format, match);
    }
    // Starts may overlap (sk- and sk-ant-, a prefix inside another match): look again one character on.
    candidates.lastIndex = at + 1;
  }
}

function reportMatch(context: RuleContext, format: KnownFormat, match: RegExpExecArray): void {
  const text = context.text;
  let secret = match[1] ?? match[0];
  let secretStart = match.index + (match[1] === undefined ? 0 : match[0].lastIndexOf(secret));
  if (format.lead) {
    const lead = format.lead.exec(text.slice(Math.max(0, match.index - 16), match.index));
    if (!lead) return;
    secret = lead[0] + secret;
    secretStart -= lead[0].length;
  }
  if (format.validate && !format.validate(secret)) return;
  const secretEnd = secretStart + secret.length;
  const placement = placeSecret(context, secretStart, secretEnd);
  context.report({
    ruleId: format.id,
    kind: format.kind,
    severity: format.severity,
    confidence: format.confidence,
    secretStart,
    secretEnd,
    ...placement,
    priority: 100,
    groupKey: format.pairs ? 'aws' : undefined,
  });
}
