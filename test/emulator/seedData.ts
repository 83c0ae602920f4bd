/**
 * The demo data set, as plain data so tests can assert against it instead of
 * hard-coding names and counts. Values are generated from a hash of their key:
 * deterministic, realistic in shape, obviously fake (they start with `demo`),
 * and never a literal in this file (so secret scanners stay quiet here).
 */
import { createHash } from 'node:crypto';
import { ACCOUNT_ID, type Tag } from './protocol';
import type { ParameterTier, ParameterType } from './state';

export interface SeedSecretVersion {
  /** A SecretString, or `{ binaryBase64 }` for a SecretBinary. */
  value: string | { binaryBase64: string };
  stages: string[];
  daysAgo: number;
}

export interface SeedSecret {
  name: string;
  description?: string;
  /** Customer key alias; omitted means the AWS managed key aws/secretsmanager. */
  kmsKeyId?: string;
  tags?: Tag[];
  createdDaysAgo: number;
  /** Oldest first. */
  versions: SeedSecretVersion[];
  rotation?: { lambdaName: string; automaticallyAfterDays: number; lastRotatedDaysAgo: number };
  /** Scheduled for deletion: DeleteSecret was called this many days ago with `recoveryWindowInDays`. */
  deletion?: { daysAgo: number; recoveryWindowInDays: number };
  lastAccessedDaysAgo?: number;
  /** Created and managed by another service (OwningService), which rotates it every `managedRotationDays`. */
  owner?: { service: string; managedRotationDays: number };
}

export interface SeedParameterVersion {
  value: string;
  labels?: string[];
  daysAgo: number;
}

export interface SeedParameter {
  name: string;
  type: ParameterType;
  description?: string;
  /** For SecureString; defaults to alias/aws/ssm. */
  keyId?: string;
  tier?: ParameterTier;
  dataType?: string;
  allowedPattern?: string;
  tags?: Tag[];
  /** Oldest first; version numbers are 1..n. */
  versions: SeedParameterVersion[];
  /** An Expiration policy this many days from the seed's day (Advanced tier). */
  expiresInDays?: number;
}

export interface SeedFunction {
  name: string;
  runtime: string;
  handler: string;
  description: string;
  memorySize: number;
  timeout: number;
  codeSize: number;
  lastModifiedDaysAgo: number;
}

/** An RDS DB instance or an Aurora / DocumentDB cluster. */
export interface SeedDatabase {
  kind: 'instance' | 'cluster';
  identifier: string;
  engine: string;
  engineVersion: string;
  masterUsername: string;
  dbName?: string;
  port: number;
  /** The seeded secret RDS owns for its master user password (ManageMasterUserPassword). */
  masterUserSecret?: string;
  createdDaysAgo: number;
}

export interface SeedRegion {
  secrets: SeedSecret[];
  parameters: SeedParameter[];
  /** Customer-managed aliases, in addition to alias/aws/secretsmanager and alias/aws/ssm. */
  kmsAliases: string[];
  functions: SeedFunction[];
  databases: SeedDatabase[];
}

export const DEMO_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type DemoRegion = (typeof DEMO_REGIONS)[number];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function digest(key: string, bytes: number): Buffer {
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < bytes; i++) chunks.push(createHash('sha256').update(`${key}#${i}`).digest());
  return Buffer.concat(chunks).subarray(0, bytes);
}

function base62(key: string, length: number): string {
  return [...digest(key, length)].map((byte) => BASE62[byte % 62]).join('');
}

/** A password-looking value, e.g. demo-Xk3v9Q2mT7pLr4Wc8Bn1. */
function demoValue(key: string): string {
  return `demo-${base62(key, 20)}`;
}

function hex(key: string, length: number): string {
  return digest(key, Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** Stripe-style test-mode key (test mode, never live). */
function stripeTestKey(key: string): string {
  return `sk_test_demo${base62(key, 28)}`;
}

function json(value: Record<string, unknown>): string {
  return JSON.stringify(value);
}

function tags(record: Record<string, string>): Tag[] {
  return Object.entries(record).map(([Key, Value]) => ({ Key, Value }));
}

function db(region: string, env: string, app: string, engine: 'postgres' | 'mysql', round: number): string {
  return json({
    username: `${app}_app`,
    password: demoValue(`${region}/${env}/${app}/db/${round}`),
    engine,
    host: `${app}-${env}.cluster-cdemo${hex(`${region}/${app}`, 8)}.${region}.rds.amazonaws.com`,
    port: engine === 'postgres' ? 5432 : 3306,
    dbname: app,
  });
}

const CURRENT = ['AWSCURRENT'];
const PREVIOUS = ['AWSPREVIOUS'];

function single(value: string, daysAgo: number): SeedSecretVersion[] {
  return [{ value, stages: CURRENT, daysAgo }];
}

const ROTATION_LAMBDA = 'SecretsManagerRotation-postgres';

/** The master user secret RDS created for us-east-1 `payments-db` (ManageMasterUserPassword): RDS names it `rds!db-<uuid>`. */
const PAYMENTS_DB_MASTER_SECRET = `rds!db-${hex('us/rds/payments-db', 8)}-${hex('us/rds/payments-db/2', 4)}-4${hex('us/rds/payments-db/3', 3)}-a${hex('us/rds/payments-db/4', 3)}-${hex('us/rds/payments-db/5', 12)}`;
const PAYMENTS_DB_ARN = `arn:aws:rds:us-east-1:${ACCOUNT_ID}:db:payments-db`;

const US_SECRETS: SeedSecret[] = [
  {
    name: 'prod/payments/db',
    description: 'PostgreSQL credentials for the payments service (rotated every 30 days)',
    kmsKeyId: 'alias/payments',
    tags: tags({ env: 'prod', team: 'payments', 'cost-center': 'cc-1042' }),
    createdDaysAgo: 400,
    versions: [
      { value: db('us-east-1', 'prod', 'payments', 'postgres', 1), stages: [], daysAgo: 72 },
      { value: db('us-east-1', 'prod', 'payments', 'postgres', 2), stages: PREVIOUS, daysAgo: 42 },
      { value: db('us-east-1', 'prod', 'payments', 'postgres', 3), stages: CURRENT, daysAgo: 12 },
    ],
    rotation: { lambdaName: ROTATION_LAMBDA, automaticallyAfterDays: 30, lastRotatedDaysAgo: 12 },
    lastAccessedDaysAgo: 0,
  },
  {
    name: 'prod/payments/stripe-api-key',
    description: 'Stripe secret key used by the checkout API',
    kmsKeyId: 'alias/payments',
    tags: tags({ env: 'prod', team: 'payments', vendor: 'stripe' }),
    createdDaysAgo: 380,
    versions: [
      { value: stripeTestKey('us/prod/stripe/1'), stages: PREVIOUS, daysAgo: 200 },
      { value: stripeTestKey('us/prod/stripe/2'), stages: CURRENT, daysAgo: 30 },
    ],
    lastAccessedDaysAgo: 1,
  },
  {
    name: 'prod/payments/webhook-signing-secret',
    description: 'Verifies signatures on incoming payment provider webhooks',
    kmsKeyId: 'alias/payments',
    tags: tags({ env: 'prod', team: 'payments' }),
    createdDaysAgo: 360,
    versions: single(`whsec_demo${base62('us/prod/webhook', 32)}`, 360),
  },
  {
    name: 'prod/orders/db',
    description: 'MySQL credentials for the orders service',
    tags: tags({ env: 'prod', team: 'orders' }),
    createdDaysAgo: 350,
    versions: single(db('us-east-1', 'prod', 'orders', 'mysql', 1), 90),
    lastAccessedDaysAgo: 0,
  },
  {
    name: 'prod/orders/redis-auth',
    description: 'AUTH token for the orders cache cluster',
    tags: tags({ env: 'prod', team: 'orders' }),
    createdDaysAgo: 340,
    versions: single(demoValue('us/prod/orders/redis'), 340),
  },
  {
    name: 'prod/auth/jwt-signing-key',
    description: 'HMAC key that signs session JWTs',
    kmsKeyId: 'alias/shared-secrets',
    tags: tags({ env: 'prod', team: 'identity' }),
    createdDaysAgo: 330,
    versions: [
      { value: hex('us/prod/jwt/1', 64), stages: ['legacy-2023'], daysAgo: 330 },
      { value: hex('us/prod/jwt/2', 64), stages: PREVIOUS, daysAgo: 150 },
      { value: hex('us/prod/jwt/3', 64), stages: CURRENT, daysAgo: 20 },
    ],
    lastAccessedDaysAgo: 0,
  },
  {
    name: 'prod/auth/oauth-client',
    description: 'OAuth client for the customer portal',
    tags: tags({ env: 'prod', team: 'identity' }),
    createdDaysAgo: 320,
    versions: single(json({ client_id: `portal-${hex('us/prod/oauth/id', 12)}`, client_secret: demoValue('us/prod/oauth/secret') }), 320),
  },
  {
    name: 'prod/auth/saml-keystore',
    description: 'PKCS#12 keystore for the SAML service provider (binary)',
    tags: tags({ env: 'prod', team: 'identity', format: 'pkcs12' }),
    createdDaysAgo: 310,
    versions: [{ value: { binaryBase64: digest('us/prod/saml-keystore', 1024).toString('base64') }, stages: CURRENT, daysAgo: 310 }],
  },
  {
    name: 'prod/notifications/sendgrid-api-key',
    description: 'SendGrid key for transactional email',
    tags: tags({ env: 'prod', team: 'notifications', vendor: 'sendgrid' }),
    createdDaysAgo: 300,
    versions: single(`SG.demo${base62('us/prod/sg/a', 18)}.${base62('us/prod/sg/b', 39)}`, 300),
  },
  {
    name: 'prod/notifications/twilio',
    description: 'Twilio account for SMS',
    tags: tags({ env: 'prod', team: 'notifications', vendor: 'twilio' }),
    createdDaysAgo: 290,
    versions: single(json({ account_sid: `ACdemo${hex('us/prod/twilio/sid', 28)}`, auth_token: hex('us/prod/twilio/token', 32) }), 290),
  },
  {
    name: 'prod/search/opensearch-master',
    description: 'Master user for the search cluster',
    tags: tags({ env: 'prod', team: 'search' }),
    createdDaysAgo: 280,
    versions: single(json({ username: 'search_admin', password: demoValue('us/prod/search') }), 280),
  },
  {
    name: 'prod/analytics/snowflake',
    description: 'Service user for the analytics warehouse',
    tags: tags({ env: 'prod', team: 'data' }),
    createdDaysAgo: 270,
    versions: single(json({ user: 'ETL_SERVICE', password: demoValue('us/prod/snowflake'), account: 'demo-xy12345', warehouse: 'ETL_WH' }), 270),
  },
  {
    name: 'prod/checkout/config',
    description: 'Checkout service settings',
    tags: tags({ env: 'prod', team: 'checkout' }),
    createdDaysAgo: 90,
    versions: single(json({ currency: 'USD', timeoutMs: 3000, apiKey: demoValue('us/prod/checkout/api') }), 30),
  },
  {
    name: 'prod/checkout/partner-id',
    description: 'Account id at the payment partner (the same in every environment)',
    tags: tags({ env: 'prod', team: 'checkout' }),
    createdDaysAgo: 90,
    versions: single(`partner-demo-${hex('us/checkout/partner', 12)}`, 90),
  },
  {
    name: 'staging/checkout/config',
    description: 'Checkout service settings (staging)',
    tags: tags({ env: 'staging', team: 'checkout' }),
    createdDaysAgo: 80,
    versions: single(json({ currency: 'USD', timeoutMs: 3000, retryLimit: 3, apiKey: demoValue('us/stg/checkout/api') }), 6),
  },
  {
    name: 'staging/checkout/partner-id',
    description: 'Account id at the payment partner (the same in every environment)',
    tags: tags({ env: 'staging', team: 'checkout' }),
    createdDaysAgo: 80,
    versions: single(`partner-demo-${hex('us/checkout/partner', 12)}`, 80),
  },
  {
    name: 'staging/checkout/feature-key',
    description: 'Key of the new checkout flow (not in prod yet)',
    tags: tags({ env: 'staging', team: 'checkout' }),
    createdDaysAgo: 5,
    versions: single(`ff-demo-${base62('us/stg/checkout/feature', 24)}`, 5),
  },
  {
    name: 'staging/payments/db',
    description: 'PostgreSQL credentials for payments (staging)',
    tags: tags({ env: 'staging', team: 'payments' }),
    createdDaysAgo: 260,
    versions: [
      { value: db('us-east-1', 'staging', 'payments', 'postgres', 1), stages: PREVIOUS, daysAgo: 100 },
      { value: db('us-east-1', 'staging', 'payments', 'postgres', 2), stages: CURRENT, daysAgo: 10 },
    ],
  },
  {
    name: 'staging/payments/stripe-api-key',
    description: 'Stripe test-mode key (staging)',
    tags: tags({ env: 'staging', team: 'payments', vendor: 'stripe' }),
    createdDaysAgo: 250,
    versions: single(stripeTestKey('us/staging/stripe'), 250),
  },
  {
    name: 'staging/orders/db',
    description: 'MySQL credentials for orders (staging)',
    tags: tags({ env: 'staging', team: 'orders' }),
    createdDaysAgo: 240,
    versions: single(db('us-east-1', 'staging', 'orders', 'mysql', 1), 240),
  },
  {
    name: 'staging/auth/jwt-signing-key',
    description: 'HMAC key that signs session JWTs (staging)',
    tags: tags({ env: 'staging', team: 'identity' }),
    createdDaysAgo: 230,
    versions: single(hex('us/staging/jwt', 64), 230),
  },
  {
    name: 'staging/auth/oauth-client',
    description: 'OAuth client for the customer portal (staging)',
    tags: tags({ env: 'staging', team: 'identity' }),
    createdDaysAgo: 220,
    versions: single(json({ client_id: `portal-stg-${hex('us/stg/oauth/id', 12)}`, client_secret: demoValue('us/stg/oauth/secret') }), 220),
  },
  {
    name: 'staging/notifications/sendgrid-api-key',
    description: 'SendGrid key (staging sandbox)',
    tags: tags({ env: 'staging', team: 'notifications', vendor: 'sendgrid' }),
    createdDaysAgo: 210,
    versions: single(`SG.demo${base62('us/stg/sg/a', 18)}.${base62('us/stg/sg/b', 39)}`, 210),
  },
  {
    name: 'staging/legacy/ftp-credentials',
    description: 'Old partner FTP drop, replaced by SFTP (scheduled for deletion)',
    tags: tags({ env: 'staging', team: 'integrations' }),
    createdDaysAgo: 700,
    versions: single(json({ username: 'partner_drop', password: demoValue('us/stg/ftp'), host: 'ftp.partner.example.com' }), 700),
    deletion: { daysAgo: 5, recoveryWindowInDays: 30 },
  },
  {
    name: 'dev/payments/db',
    description: 'Local-dev PostgreSQL credentials shared by the payments team',
    tags: tags({ env: 'dev', team: 'payments' }),
    createdDaysAgo: 200,
    versions: single(db('us-east-1', 'dev', 'payments', 'postgres', 1), 200),
  },
  {
    name: 'dev/feature-flags/sdk-key',
    description: 'Feature flag SDK key (development environment)',
    tags: tags({ env: 'dev', team: 'platform' }),
    createdDaysAgo: 190,
    versions: single(`sdk-demo-${hex('us/dev/flags', 32)}`, 190),
  },
  {
    name: 'shared/datadog-api-key',
    description: 'Datadog API key for all services',
    kmsKeyId: 'alias/shared-secrets',
    tags: tags({ team: 'platform', vendor: 'datadog' }),
    createdDaysAgo: 500,
    versions: single(hex('us/shared/datadog', 32), 500),
    lastAccessedDaysAgo: 0,
  },
  {
    name: 'shared/github/deploy-token',
    description: 'Token the deploy pipeline uses to tag releases',
    kmsKeyId: 'alias/shared-secrets',
    tags: tags({ team: 'platform', vendor: 'github' }),
    createdDaysAgo: 480,
    versions: [
      { value: `demo_gh_${base62('us/shared/gh/1', 36)}`, stages: [], daysAgo: 480 },
      { value: `demo_gh_${base62('us/shared/gh/2', 36)}`, stages: ['release-2024'], daysAgo: 300 },
      { value: `demo_gh_${base62('us/shared/gh/3', 36)}`, stages: PREVIOUS, daysAgo: 120 },
      { value: `demo_gh_${base62('us/shared/gh/4', 36)}`, stages: CURRENT, daysAgo: 8 },
    ],
  },
  {
    name: 'shared/slack/webhook-url',
    description: 'Incoming webhook for #deploys',
    tags: tags({ team: 'platform', vendor: 'slack' }),
    createdDaysAgo: 460,
    versions: single(`https://hooks.slack.example.com/services/TDEMO/${base62('us/slack/b', 9)}/${base62('us/slack/c', 24)}`, 460),
  },
  {
    name: 'shared/pagerduty/integration-key',
    description: 'PagerDuty Events API v2 routing key',
    tags: tags({ team: 'sre', vendor: 'pagerduty' }),
    createdDaysAgo: 440,
    versions: single(hex('us/shared/pd', 32), 440),
  },
  {
    name: 'shared/docker-hub',
    description: 'Docker Hub robot account for image pulls',
    tags: tags({ team: 'platform' }),
    createdDaysAgo: 420,
    versions: single(json({ username: 'demo-ci-robot', password: demoValue('us/shared/docker') }), 420),
  },
  {
    name: 'shared/npm-publish-token',
    description: 'Automation token for publishing internal packages',
    tags: tags({ team: 'platform' }),
    createdDaysAgo: 410,
    versions: single(`demo_npm_${base62('us/shared/npm', 36)}`, 410),
  },
  {
    name: 'ci-bot-credentials',
    description: 'CI bot login for the artifact repository',
    tags: tags({ team: 'platform' }),
    createdDaysAgo: 600,
    versions: single(json({ username: 'ci-bot', password: demoValue('us/ci-bot'), url: 'https://artifacts.example.com' }), 600),
  },
  {
    name: 'newrelic-license-key',
    createdDaysAgo: 650,
    versions: single(`${hex('us/newrelic', 36)}NRAL`, 650),
  },
  {
    name: PAYMENTS_DB_MASTER_SECRET,
    description: `Secret associated with primary RDS DB instance: ${PAYMENTS_DB_ARN}`,
    tags: tags({ 'aws:rds:primaryDBInstanceArn': PAYMENTS_DB_ARN }),
    createdDaysAgo: 300,
    versions: [
      { value: json({ username: 'payments_admin', password: demoValue('us/rds/payments-db/1') }), stages: PREVIOUS, daysAgo: 9 },
      { value: json({ username: 'payments_admin', password: demoValue('us/rds/payments-db/2') }), stages: CURRENT, daysAgo: 2 },
    ],
    owner: { service: 'rds', managedRotationDays: 7 },
  },
];

const US_DATABASES: SeedDatabase[] = [
  {
    kind: 'instance',
    identifier: 'payments-db',
    engine: 'postgres',
    engineVersion: '16.3',
    masterUsername: 'payments_admin',
    dbName: 'payments',
    port: 5432,
    masterUserSecret: PAYMENTS_DB_MASTER_SECRET,
    createdDaysAgo: 300,
  },
  {
    kind: 'instance',
    identifier: 'orders-db',
    engine: 'mysql',
    engineVersion: '8.0.36',
    masterUsername: 'admin',
    dbName: 'orders',
    port: 3306,
    createdDaysAgo: 350,
  },
  {
    kind: 'cluster',
    identifier: 'analytics-aurora',
    engine: 'aurora-postgresql',
    engineVersion: '16.2',
    masterUsername: 'analytics_admin',
    dbName: 'analytics',
    port: 5432,
    createdDaysAgo: 200,
  },
  { kind: 'cluster', identifier: 'catalog-docdb', engine: 'docdb', engineVersion: '5.0.0', masterUsername: 'catalog_admin', port: 27017, createdDaysAgo: 150 },
];

const EU_SECRETS: SeedSecret[] = [
  {
    name: 'prod/payments/db',
    description: 'PostgreSQL credentials for payments (EU)',
    kmsKeyId: 'alias/payments-eu',
    tags: tags({ env: 'prod', team: 'payments', residency: 'eu' }),
    createdDaysAgo: 300,
    versions: [
      { value: db('eu-west-1', 'prod', 'payments', 'postgres', 1), stages: PREVIOUS, daysAgo: 90 },
      { value: db('eu-west-1', 'prod', 'payments', 'postgres', 2), stages: CURRENT, daysAgo: 15 },
    ],
  },
  {
    name: 'prod/payments/adyen-api-key',
    description: 'Adyen API key for EU card payments',
    kmsKeyId: 'alias/payments-eu',
    tags: tags({ env: 'prod', team: 'payments', vendor: 'adyen' }),
    createdDaysAgo: 290,
    versions: single(`AQEdemo${base62('eu/prod/adyen', 40)}`, 290),
  },
  {
    name: 'prod/gdpr/export-signing-key',
    description: 'Signs GDPR data-export archives',
    tags: tags({ env: 'prod', team: 'privacy' }),
    createdDaysAgo: 280,
    versions: single(hex('eu/prod/gdpr', 64), 280),
  },
  {
    name: 'prod/crm/salesforce',
    description: 'Salesforce integration user',
    tags: tags({ env: 'prod', team: 'sales-ops' }),
    createdDaysAgo: 270,
    versions: single(json({ username: 'integration@example.com', password: demoValue('eu/prod/sfdc'), security_token: base62('eu/prod/sfdc/token', 24) }), 270),
  },
  {
    name: 'staging/payments/db',
    description: 'PostgreSQL credentials for payments (EU staging)',
    tags: tags({ env: 'staging', team: 'payments' }),
    createdDaysAgo: 260,
    versions: single(db('eu-west-1', 'staging', 'payments', 'postgres', 1), 260),
  },
  {
    name: 'shared/datadog-api-key',
    description: 'Datadog API key (EU site)',
    tags: tags({ team: 'platform', vendor: 'datadog' }),
    createdDaysAgo: 250,
    versions: single(hex('eu/shared/datadog', 32), 250),
  },
  {
    name: 'shared/sentry-dsn',
    description: 'Sentry DSN for EU services',
    tags: tags({ team: 'platform', vendor: 'sentry' }),
    createdDaysAgo: 240,
    versions: single(`https://${hex('eu/sentry', 32)}@o0.ingest.sentry.example.com/42`, 240),
  },
  {
    name: 'legacy-smtp-password',
    description: 'SMTP relay password for the legacy mailer',
    createdDaysAgo: 800,
    versions: single(demoValue('eu/legacy-smtp'), 800),
  },
];

function routingRules(): string {
  // Big enough (> 4 KB) that it only fits the Advanced tier.
  const rules = Array.from({ length: 60 }, (_, i) => ({
    id: `rule-${String(i + 1).padStart(3, '0')}`,
    match: { country: ['US', 'CA', 'GB', 'DE', 'FR', 'JP'][i % 6], channel: i % 2 === 0 ? 'web' : 'mobile' },
    route: `fulfilment-${(i % 4) + 1}`,
    weight: (i * 7) % 100,
  }));
  return JSON.stringify({ version: 3, rules });
}

const US_PARAMETERS: SeedParameter[] = [
  {
    name: '/app/prod/payments/db-host',
    type: 'String',
    description: 'Writer endpoint of the payments database',
    versions: [{ value: 'payments-prod.cluster-cdemo.us-east-1.rds.amazonaws.com', daysAgo: 400 }],
  },
  { name: '/app/prod/payments/db-port', type: 'String', allowedPattern: '^\\d+$', versions: [{ value: '5432', daysAgo: 400 }] },
  {
    name: '/app/prod/payments/db-password',
    type: 'SecureString',
    keyId: 'alias/payments',
    description: 'Database password for the payments service',
    tags: tags({ env: 'prod', team: 'payments' }),
    versions: [
      { value: demoValue('us/ssm/prod/payments/db/1'), daysAgo: 200 },
      { value: demoValue('us/ssm/prod/payments/db/2'), labels: ['previous'], daysAgo: 100 },
      { value: demoValue('us/ssm/prod/payments/db/3'), labels: ['current', 'release-42'], daysAgo: 12 },
    ],
  },
  { name: '/app/prod/payments/stripe-publishable-key', type: 'String', versions: [{ value: `pk_test_demo${base62('us/ssm/pk', 24)}`, daysAgo: 380 }] },
  {
    name: '/app/prod/payments/allowed-currencies',
    type: 'StringList',
    description: 'ISO 4217 codes accepted at checkout',
    versions: [
      { value: 'USD,EUR,GBP', daysAgo: 300 },
      { value: 'USD,EUR,GBP,JPY,CAD', daysAgo: 40 },
    ],
  },
  {
    name: '/app/prod/orders/db-url',
    type: 'SecureString',
    description: 'JDBC URL including credentials',
    versions: [
      { value: `jdbc:mysql://orders_app:${demoValue('us/ssm/orders/url')}@orders-prod.cluster-cdemo.us-east-1.rds.amazonaws.com:3306/orders`, daysAgo: 90 },
    ],
  },
  {
    name: '/app/prod/orders/max-batch-size',
    type: 'String',
    allowedPattern: '^\\d+$',
    description: 'Upper bound for order batch imports',
    versions: [
      { value: '100', daysAgo: 300 },
      { value: '250', labels: ['stable'], daysAgo: 200 },
      { value: '500', daysAgo: 60 },
      { value: '400', labels: ['canary'], daysAgo: 3 },
    ],
  },
  {
    name: '/app/prod/orders/routing-rules',
    type: 'String',
    tier: 'Advanced',
    dataType: 'text',
    description: 'Fulfilment routing table (Advanced tier: larger than 4 KB)',
    tags: tags({ env: 'prod', team: 'orders' }),
    versions: [{ value: routingRules(), daysAgo: 25 }],
  },
  {
    name: '/app/prod/orders/feature-flags',
    type: 'String',
    versions: [{ value: JSON.stringify({ splitShipments: true, expressCheckout: false }), daysAgo: 14 }],
  },
  { name: '/app/prod/auth/jwt-issuer', type: 'String', versions: [{ value: 'https://auth.example.com/', daysAgo: 330 }] },
  {
    name: '/app/prod/auth/session-secret',
    type: 'SecureString',
    keyId: 'alias/app-config',
    tags: tags({ env: 'prod', team: 'identity' }),
    versions: [
      { value: hex('us/ssm/session/1', 64), daysAgo: 330 },
      { value: hex('us/ssm/session/2', 64), daysAgo: 30 },
    ],
  },
  { name: '/app/prod/auth/cors-origins', type: 'StringList', versions: [{ value: 'https://www.example.com,https://app.example.com', daysAgo: 320 }] },
  {
    name: '/app/prod/notifications/sendgrid-api-key',
    type: 'SecureString',
    versions: [{ value: `SG.demo${base62('us/ssm/sg/a', 18)}.${base62('us/ssm/sg/b', 39)}`, daysAgo: 300 }],
  },
  { name: '/app/prod/notifications/from-address', type: 'String', versions: [{ value: 'no-reply@example.com', daysAgo: 300 }] },
  {
    name: '/app/prod/log-level',
    type: 'String',
    allowedPattern: '^(debug|info|warn|error)$',
    versions: [
      { value: 'info', labels: ['baseline'], daysAgo: 400 },
      { value: 'debug', daysAgo: 50 },
      { value: 'info', labels: ['current'], daysAgo: 49 },
    ],
  },
  { name: '/app/prod/checkout/timeout-ms', type: 'String', allowedPattern: '^\\d+$', versions: [{ value: '3000', daysAgo: 90 }] },
  { name: '/app/staging/checkout/timeout-ms', type: 'String', allowedPattern: '^\\d+$', versions: [{ value: '3000', daysAgo: 80 }] },
  { name: '/app/staging/checkout/retry-limit', type: 'String', versions: [{ value: '3', daysAgo: 6 }] },
  {
    name: '/app/staging/checkout/preview-token',
    type: 'SecureString',
    tier: 'Advanced',
    description: 'Token for the checkout preview; expires with the preview',
    versions: [{ value: demoValue('us/ssm/stg/checkout/preview'), daysAgo: 2 }],
    expiresInDays: 60,
  },
  { name: '/app/staging/payments/db-host', type: 'String', versions: [{ value: 'payments-staging.cluster-cdemo.us-east-1.rds.amazonaws.com', daysAgo: 260 }] },
  {
    name: '/app/staging/payments/db-password',
    type: 'SecureString',
    versions: [
      { value: demoValue('us/ssm/stg/payments/1'), daysAgo: 260 },
      { value: demoValue('us/ssm/stg/payments/2'), daysAgo: 10 },
    ],
  },
  { name: '/app/staging/payments/allowed-currencies', type: 'StringList', versions: [{ value: 'USD,EUR,GBP,JPY,CAD,AUD', daysAgo: 40 }] },
  {
    name: '/app/staging/orders/db-url',
    type: 'SecureString',
    versions: [
      {
        value: `jdbc:mysql://orders_app:${demoValue('us/ssm/stg/orders/url')}@orders-staging.cluster-cdemo.us-east-1.rds.amazonaws.com:3306/orders`,
        daysAgo: 240,
      },
    ],
  },
  { name: '/app/staging/orders/max-batch-size', type: 'String', allowedPattern: '^\\d+$', versions: [{ value: '1000', daysAgo: 240 }] },
  { name: '/app/staging/auth/jwt-issuer', type: 'String', versions: [{ value: 'https://auth.staging.example.com/', daysAgo: 230 }] },
  {
    name: '/app/staging/auth/session-secret',
    type: 'SecureString',
    keyId: 'alias/app-config',
    versions: [{ value: hex('us/ssm/stg/session', 64), daysAgo: 230 }],
  },
  { name: '/app/staging/log-level', type: 'String', versions: [{ value: 'debug', daysAgo: 230 }] },
  { name: '/shared/vpc/id', type: 'String', versions: [{ value: `vpc-0demo${hex('us/vpc', 13)}`, daysAgo: 700 }] },
  {
    name: '/shared/vpc/private-subnets',
    type: 'StringList',
    versions: [{ value: ['a', 'b', 'c'].map((az) => `subnet-0demo${hex(`us/subnet/${az}`, 12)}`).join(','), daysAgo: 700 }],
  },
  {
    name: '/shared/ami/base-image-id',
    type: 'String',
    dataType: 'aws:ec2:image',
    description: 'Golden AMI for service hosts',
    versions: [
      { value: `ami-0demo${hex('us/ami/1', 12)}`, daysAgo: 90 },
      { value: `ami-0demo${hex('us/ami/2', 12)}`, labels: ['approved'], daysAgo: 20 },
    ],
  },
  {
    name: '/shared/datadog/api-key',
    type: 'SecureString',
    keyId: 'alias/shared-secrets',
    tags: tags({ team: 'platform', vendor: 'datadog' }),
    versions: [{ value: hex('us/ssm/datadog', 32), daysAgo: 500 }],
  },
  {
    name: '/shared/github/app-private-key',
    type: 'SecureString',
    keyId: 'alias/shared-secrets',
    description: 'Private key of the release GitHub App (base64 DER)',
    versions: [{ value: digest('us/ssm/github-app', 600).toString('base64'), daysAgo: 480 }],
  },
  { name: '/shared/maintenance-window', type: 'String', versions: [{ value: 'Sun 03:00-05:00 UTC', daysAgo: 600 }] },
  {
    name: 'deploy-bucket-name',
    type: 'String',
    description: 'Top-level (non-hierarchical) parameter',
    versions: [{ value: 'demo-deploy-artifacts-123456789012', daysAgo: 650 }],
  },
];

const EU_PARAMETERS: SeedParameter[] = [
  { name: '/app/prod/payments/db-host', type: 'String', versions: [{ value: 'payments-prod.cluster-cdemo.eu-west-1.rds.amazonaws.com', daysAgo: 300 }] },
  {
    name: '/app/prod/payments/db-password',
    type: 'SecureString',
    keyId: 'alias/payments-eu',
    versions: [
      { value: demoValue('eu/ssm/prod/payments/1'), daysAgo: 300 },
      { value: demoValue('eu/ssm/prod/payments/2'), labels: ['current'], daysAgo: 15 },
    ],
  },
  { name: '/app/prod/gdpr/retention-days', type: 'String', allowedPattern: '^\\d+$', versions: [{ value: '30', daysAgo: 280 }] },
  { name: '/app/prod/log-level', type: 'String', versions: [{ value: 'info', daysAgo: 270 }] },
  { name: '/app/staging/payments/db-host', type: 'String', versions: [{ value: 'payments-staging.cluster-cdemo.eu-west-1.rds.amazonaws.com', daysAgo: 260 }] },
  { name: '/shared/vpc/id', type: 'String', versions: [{ value: `vpc-0demo${hex('eu/vpc', 13)}`, daysAgo: 500 }] },
  { name: '/shared/datadog/api-key', type: 'SecureString', versions: [{ value: hex('eu/ssm/datadog', 32), daysAgo: 250 }] },
  { name: '/shared/sentry/dsn', type: 'String', versions: [{ value: `https://${hex('eu/ssm/sentry', 32)}@o0.ingest.sentry.example.com/42`, daysAgo: 240 }] },
];

export const DEMO_SEED: Readonly<Record<DemoRegion, SeedRegion>> = {
  'us-east-1': {
    secrets: US_SECRETS,
    parameters: US_PARAMETERS,
    databases: US_DATABASES,
    kmsAliases: ['alias/app-config', 'alias/payments', 'alias/shared-secrets'],
    functions: [
      {
        name: ROTATION_LAMBDA,
        runtime: 'python3.12',
        handler: 'lambda_function.lambda_handler',
        description: 'Rotates PostgreSQL credentials (single user)',
        memorySize: 128,
        timeout: 30,
        codeSize: 14_512,
        lastModifiedDaysAgo: 120,
      },
      {
        name: 'orders-api',
        runtime: 'nodejs20.x',
        handler: 'index.handler',
        description: 'Orders HTTP API',
        memorySize: 512,
        timeout: 15,
        codeSize: 2_481_337,
        lastModifiedDaysAgo: 3,
      },
      {
        name: 'nightly-report',
        runtime: 'python3.12',
        handler: 'report.main',
        description: 'Builds the nightly sales report',
        memorySize: 1024,
        timeout: 300,
        codeSize: 88_120,
        lastModifiedDaysAgo: 45,
      },
    ],
  },
  'eu-west-1': {
    secrets: EU_SECRETS,
    parameters: EU_PARAMETERS,
    databases: [],
    kmsAliases: ['alias/app-config', 'alias/payments-eu'],
    functions: [
      {
        name: 'SecretsManagerRotation-mysql',
        runtime: 'python3.12',
        handler: 'lambda_function.lambda_handler',
        description: 'Rotates MySQL credentials (single user)',
        memorySize: 128,
        timeout: 30,
        codeSize: 14_980,
        lastModifiedDaysAgo: 200,
      },
      {
        name: 'payments-api-eu',
        runtime: 'nodejs20.x',
        handler: 'index.handler',
        description: 'Payments HTTP API (EU)',
        memorySize: 512,
        timeout: 15,
        codeSize: 1_904_221,
        lastModifiedDaysAgo: 6,
      },
    ],
  },
};

/** The rotation Lambda configured on us-east-1 `prod/payments/db`. */
export const DEMO_ROTATION_LAMBDA_ARN = `arn:aws:lambda:us-east-1:123456789012:function:${ROTATION_LAMBDA}`;

export interface DemoCounts {
  /** Every secret, including those scheduled for deletion. */
  secrets: number;
  /** What ListSecrets returns by default (scheduled-for-deletion ones excluded). */
  activeSecrets: number;
  parameters: number;
  functions: number;
  /** Customer aliases plus the two AWS managed ones. */
  kmsAliases: number;
}

export const DEMO_COUNTS: Readonly<Record<DemoRegion, DemoCounts>> = Object.fromEntries(
  DEMO_REGIONS.map((region) => {
    const seed = DEMO_SEED[region];
    return [
      region,
      {
        secrets: seed.secrets.length,
        activeSecrets: seed.secrets.filter((secret) => !secret.deletion).length,
        parameters: seed.parameters.length,
        functions: seed.functions.length,
        kmsAliases: seed.kmsAliases.length + 2,
      },
    ];
  }),
) as Record<DemoRegion, DemoCounts>;
