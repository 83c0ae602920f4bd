// Known-format rules: each finds its documented shape and rejects look-alikes.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scan } from '../../../src/detect';
import { fake, fakeChars } from './helpers';

function rulesFound(text: string, languageId = 'plaintext'): string[] {
  return scan(text, { languageId }).map((f) => f.ruleId);
}

function secretsFound(text: string, languageId = 'plaintext'): string[] {
  return scan(text, { languageId }).map((f) => text.slice(f.secretRange.start, f.secretRange.end));
}

const b64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

const positives: [string, string][] = [
  ['aws-access-key-id', fake.awsKeyId()],
  ['aws-access-key-id', `ASIA${fakeChars(16, 11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`],
  ['github-token', fake.github()],
  ['github-token', `gho_${fakeChars(36, 12)}`],
  ['github-fine-grained-token', `github_pat_${fakeChars(22, 13)}_${fakeChars(59, 14)}`],
  ['gitlab-token', `glpat-${fakeChars(20, 15)}`],
  ['slack-token', fake.slack()],
  [
    'slack-webhook-url',
    `https://hooks.slack.com/services/T${fakeChars(8, 16, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/B${fakeChars(10, 17, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/${fakeChars(24, 18)}`,
  ],
  ['stripe-live-key', fake.stripe()],
  ['stripe-live-key', `rk_live_${fakeChars(24, 19)}`],
  ['google-api-key', `AIza${fakeChars(35, 20)}`],
  ['sendgrid-api-key', `SG.${fakeChars(22, 21)}.${fakeChars(43, 22)}`],
  ['npm-token', `npm_${fakeChars(36, 23)}`],
  ['openai-api-key', `sk-proj-${fakeChars(64, 24)}`],
  ['openai-api-key', `sk-${fakeChars(20, 25)}T3BlbkFJ${fakeChars(20, 26)}`],
  ['anthropic-api-key', `sk-ant-api03-${fakeChars(93, 27)}AA`],
  ['huggingface-token', `hf_${fakeChars(34, 28, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')}`],
  ['shopify-token', `shpat_${fakeChars(32, 29, '0123456789abcdef')}`],
  ['digitalocean-token', `dop_v1_${fakeChars(64, 30, '0123456789abcdef')}`],
  ['databricks-token', `dapi${fakeChars(32, 31, '0123456789abcdef')}`],
  ['postman-api-key', `PMAK-${fakeChars(24, 32, '0123456789abcdef')}-${fakeChars(34, 33, '0123456789abcdef')}`],
  ['linear-api-key', `lin_api_${fakeChars(40, 34)}`],
  ['hashicorp-vault-token', `hvs.${fakeChars(90, 35)}`],
  ['telegram-bot-token', `${fakeChars(9, 36, '0123456789')}:AA${fakeChars(33, 37)}`],
  ['jwt', `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'svc', iat: 1716239022 })}.${fakeChars(43, 38)}`],
];

describe('known formats', () => {
  for (const [ruleId, secret] of positives) {
    it(`${ruleId}: finds ${secret.slice(0, 8)}… and exactly its range`, () => {
      const text = `value = "${secret}"\n`;
      assert.deepEqual(rulesFound(text, 'python'), [ruleId]);
      assert.deepEqual(secretsFound(text, 'python'), [secret]);
    });
  }

  it('finds a token in a bare value, an argument list and a comment alike', () => {
    const token = fake.github();
    assert.deepEqual(rulesFound(`GITHUB_TOKEN=${token}\n`, 'dotenv'), ['github-token']);
    assert.deepEqual(rulesFound(`client.login("${token}", retries=3)\n`, 'python'), ['github-token']);
    assert.deepEqual(rulesFound(`# old token ${token}\n`, 'python'), ['github-token']);
  });

  it('rejects AWS documented example keys and illustration fillers', () => {
    assert.deepEqual(rulesFound('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', 'dotenv'), []);
    assert.deepEqual(rulesFound(`token = "ghp_${'x'.repeat(36)}"\n`, 'python'), []);
    assert.deepEqual(rulesFound(`key = "sk_live_${'0'.repeat(24)}"\n`, 'python'), []);
    assert.deepEqual(rulesFound('slack: xoxb-your-token-here\n', 'yaml'), []);
  });

  it('needs token boundaries: a prefix inside a longer word is not a key', () => {
    assert.deepEqual(rulesFound(`id = "X${fake.awsKeyId().slice(0, 20)}Y"\n`, 'python'), []);
    assert.deepEqual(rulesFound(`name = "prefix${fake.github()}"\n`, 'python'), []);
  });

  it('does not report Stripe test or publishable keys', () => {
    assert.deepEqual(rulesFound(`key = "sk_test_${fakeChars(24, 40)}"\npk = "pk_live_${fakeChars(24, 41)}"\n`, 'python'), []);
  });

  it('jwt: decodes the header and refuses look-alikes', () => {
    const notJson = `eyJ${fakeChars(20, 42)}.eyJ${fakeChars(20, 43)}.${fakeChars(43, 44)}`;
    assert.deepEqual(rulesFound(`t = "${notJson}"\n`, 'python'), []);
    const noAlg = `${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.${fakeChars(43, 45)}`;
    assert.deepEqual(rulesFound(`t = "${noAlg}"\n`, 'python'), []);
  });

  it('azure storage account key inside a connection string', () => {
    const key = `${fakeChars(86, 46, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}==`;
    const text = `conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${key};EndpointSuffix=core.windows.net"\n`;
    assert.deepEqual(rulesFound(text, 'python'), ['azure-storage-account-key']);
    assert.deepEqual(secretsFound(text, 'python'), [key]);
  });
});
