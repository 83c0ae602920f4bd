// Credentials with a fixed, documented shape (a vendor prefix and a length).
// Formats come from the providers' documentation and the public rule lists of
// gitleaks / secretlint / trufflehog; the expressions are ours. Every
// quantifier is bounded and every pattern starts at a token boundary, so the
// cost stays linear on any input.

import { shannonEntropy } from '../entropy';
import { isPlaceholder } from '../values';
import { placeSecret, type RuleContext } from './context';
import type { Confidence, Severity } from '../types';

export interface KnownFormat {
  id: string;
  kind: string;
  severity: Severity;
  confidence: Confidence;
  /** Global; capture group 1, when present, is the secret. */
  pattern: RegExp;
  /** Must match the text just before the pattern's match; it is part of the secret. */
  lead?: RegExp;
  /** Extra check on the secret (placeholders, documented examples, decodable headers). */
  validate?: (secret: string) => boolean;
  /** Findings of these rules on nearby lines belong together (AWS key id + secret key). */
  pairs?: boolean;
}

/** Not an illustration: no `EXAMPLE`, no `xxxx` / `your…` filler, enough randomness in the variable part. */
function realistic(tailFrom: number, minEntropy = 2.5) {
  return (secret: string): boolean => {
    const tail = secret.slice(tailFrom);
    return !/example/i.test(secret) && !isPlaceholder(tail) && shannonEntropy(tail) >= minEntropy;
  };
}

function isJwt(secret: string): boolean {
  const header = secret.slice(0, secret.indexOf('.'));
  try {
    const decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown;
    return typeof decoded === 'object' && decoded !== null && 'alg' in decoded && !/example/i.test(secret);
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
    id: 'aws-access-key-id', kind: 'AWS access key ID', severity: 'error', confidence: 'high', pairs: true,
    pattern: re(`(?<![A-Za-z0-9/+])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9/+])`), validate: realistic(4, 2.8),
  },
  {
    id: 'github-token', kind: 'GitHub token', severity: 'error', confidence: 'high',
    pattern: re(`${B}gh[pousr]_[A-Za-z0-9]{36,76}${E}`), validate: realistic(4),
  },
  {
    id: 'github-fine-grained-token', kind: 'GitHub token', severity: 'error', confidence: 'high',
    pattern: re(`${B}github_pat_[A-Za-z0-9_]{50,120}${E}`), validate: realistic(11),
  },
  {
    id: 'gitlab-token', kind: 'GitLab token', severity: 'error', confidence: 'high',
    pattern: re(`${B}gl(?:pat|dt|rt|ptt|soat|cbt|ft|imt)-[A-Za-z0-9_\\-]{20,64}${E}`), validate: realistic(6),
  },
  {
    id: 'slack-token', kind: 'Slack token', severity: 'error', confidence: 'high',
    pattern: re(`${B}xox(?:[abposr]|e(?:\\.xox[bp])?)-[0-9]{1,16}-[0-9A-Za-z\\-]{8,250}${E}`), validate: realistic(5),
  },
  {
    id: 'slack-webhook-url', kind: 'Slack webhook URL', severity: 'error', confidence: 'high',
    pattern: re(`https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+\\-]{30,160}`), validate: realistic(30),
  },
  {
    id: 'stripe-live-key', kind: 'Stripe live key', severity: 'error', confidence: 'high',
    pattern: re(`${B}(?:sk|rk)_live_[0-9A-Za-z]{16,247}${E}`), validate: realistic(8),
  },
  {
    id: 'google-api-key', kind: 'Google API key', severity: 'error', confidence: 'high',
    pattern: re(`${B}AIza[0-9A-Za-z_\\-]{35}${E}`), validate: realistic(4),
  },
  {
    id: 'sendgrid-api-key', kind: 'SendGrid API key', severity: 'error', confidence: 'high',
    pattern: re(`${B}SG\\.[0-9A-Za-z_\\-]{16,32}\\.[0-9A-Za-z_\\-]{30,64}${E}`), validate: realistic(3),
  },
  {
    id: 'npm-token', kind: 'npm token', severity: 'error', confidence: 'high',
    pattern: re(`${B}npm_[A-Za-z0-9]{36}${E}`), validate: realistic(4),
  },
  {
    id: 'openai-api-key', kind: 'OpenAI API key', severity: 'error', confidence: 'high',
    pattern: re(`${B}sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})${E}`),
    validate: realistic(3, 3.5),
  },
  {
    id: 'anthropic-api-key', kind: 'Anthropic API key', severity: 'error', confidence: 'high',
    pattern: re(`${B}sk-ant-(?:api|admin|sid)\\d{2}-[A-Za-z0-9_\\-]{80,120}${E}`), validate: realistic(14),
  },
  {
    id: 'huggingface-token', kind: 'Hugging Face token', severity: 'error', confidence: 'high',
    pattern: re(`${B}hf_[A-Za-z]{34}${E}`), validate: realistic(3, 3.5),
  },
  {
    id: 'pypi-token', kind: 'PyPI token', severity: 'error', confidence: 'high',
    pattern: re(`${B}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,300}${E}`), validate: realistic(20),
  },
  {
    id: 'shopify-token', kind: 'Shopify token', severity: 'error', confidence: 'high',
    pattern: re(`${B}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${E}`), validate: realistic(6),
  },
  {
    id: 'digitalocean-token', kind: 'DigitalOcean token', severity: 'error', confidence: 'high',
    pattern: re(`${B}do[opr]_v1_[a-f0-9]{64}${E}`), validate: realistic(7),
  },
  {
    id: 'databricks-token', kind: 'Databricks token', severity: 'error', confidence: 'high',
    pattern: re(`${B}dapi[a-f0-9]{32}(?:-\\d)?${E}`), validate: realistic(4),
  },
  {
    id: 'postman-api-key', kind: 'Postman API key', severity: 'error', confidence: 'high',
    pattern: re(`${B}PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}${E}`), validate: realistic(5),
  },
  {
    id: 'square-token', kind: 'Square token', severity: 'error', confidence: 'high',
    pattern: re(`${B}sq0(?:atp|csp)-[0-9A-Za-z_\\-]{22,43}${E}`), validate: realistic(7),
  },
  {
    id: 'linear-api-key', kind: 'Linear API key', severity: 'error', confidence: 'high',
    pattern: re(`${B}lin_api_[A-Za-z0-9]{40}${E}`), validate: realistic(8),
  },
  {
    id: 'new-relic-key', kind: 'New Relic key', severity: 'error', confidence: 'high',
    pattern: re(`${B}NRAK-[A-Z0-9]{27}${E}`), validate: realistic(5),
  },
  {
    id: 'hashicorp-vault-token', kind: 'Vault token', severity: 'error', confidence: 'high',
    pattern: re(`${B}hv[sb]\\.[A-Za-z0-9_\\-]{24,200}${E}`), validate: realistic(4, 3.5),
  },
  {
    id: 'doppler-token', kind: 'Doppler token', severity: 'error', confidence: 'high',
    pattern: re(`${B}dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}${E}`), validate: realistic(6),
  },
  {
    id: 'age-secret-key', kind: 'age secret key', severity: 'error', confidence: 'high',
    pattern: re(`${B}AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}${E}`), validate: realistic(16),
  },
  {
    id: 'telegram-bot-token', kind: 'Telegram bot token', severity: 'error', confidence: 'high',
    // Anchored on ":AA", which is fast to find; the bot id before it is the `lead`.
    pattern: re(`:AA[0-9A-Za-z_\\-]{33}${E}`), lead: /(?<![A-Za-z0-9_:])\d{8,10}$/, validate: realistic(11),
  },
  {
    id: 'twilio-api-key', kind: 'Twilio API key', severity: 'error', confidence: 'medium',
    pattern: re(`${B}SK[0-9a-f]{32}${E}`), validate: realistic(2, 3.2),
  },
  {
    id: 'azure-ad-client-secret', kind: 'Azure AD client secret', severity: 'error', confidence: 'high',
    pattern: re(`(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])`), validate: realistic(6, 3.5),
  },
  {
    id: 'azure-storage-account-key', kind: 'Azure storage account key', severity: 'error', confidence: 'high',
    pattern: re(`AccountKey\\s{0,3}=\\s{0,3}([A-Za-z0-9+/]{86}==)`, 'gi'), validate: realistic(0, 4),
  },
  {
    id: 'azure-shared-access-key', kind: 'Azure shared access key', severity: 'error', confidence: 'high',
    pattern: re(`SharedAccessKey\\s{0,3}=\\s{0,3}([A-Za-z0-9+/]{42}[A-Za-z0-9+/=]{2})`, 'gi'), validate: realistic(0, 4),
  },
  {
    id: 'jwt', kind: 'JSON Web Token', severity: 'warning', confidence: 'medium',
    pattern: re(`${B}eyJ[A-Za-z0-9_\\-]{8,2000}\\.eyJ[A-Za-z0-9_\\-]{8,8000}\\.[A-Za-z0-9_\\-]{16,2000}${E}`), validate: isJwt,
  },
];

/** Runs every enabled known-format rule over the whole text (long lines included). */
export function runKnownFormats(context: RuleContext, enabled: (ruleId: string) => boolean): void {
  const text = context.text;
  for (const format of KNOWN_FORMATS) {
    if (!enabled(format.id)) continue;
    const pattern = format.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match && !context.full; match = pattern.exec(text)) {
      let secret = match[1] ?? match[0];
      let secretStart = match.index + (match[1] === undefined ? 0 : match[0].lastIndexOf(secret));
      if (format.lead) {
        const lead = format.lead.exec(text.slice(Math.max(0, match.index - 16), match.index));
        if (!lead) continue;
        secret = lead[0] + secret;
        secretStart -= lead[0].length;
      }
      if (format.validate && !format.validate(secret)) continue;
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
  }
}
