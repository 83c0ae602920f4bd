/**
 * Loads seed data into the emulator state: the demo data set (relative to
 * today, so rotation and deletion dates stay in the future) and synthetic
 * bulk data for benchmarks.
 */
import { seedRead } from './cloudtrail';
import { ACCOUNT_ID, CALLER_ARN, DAY_MS, startOfUtcDay } from './protocol';
import { dbClusterArn, dbInstanceArn } from './rds';
import { nextRotationDate } from './rotation';
import { DEMO_REGIONS, DEMO_SEED, type SeedRegion } from './seedData';
import {
  deterministicArnSuffix,
  deterministicUuid,
  type EmulatorState,
  fakeCiphertext,
  type Parameter,
  parameterArn,
  type ParameterPolicy,
  type RegionState,
  type Secret,
  secretArn,
} from './state';

export type SeedName = 'demo' | 'none';

/** Seed times are whole days before 23:00 UTC yesterday, plus a minute per item to keep items ordered. */
function seedTime(base: number, daysAgo: number, index: number): number {
  return base - daysAgo * DAY_MS + index * 60_000;
}

function loadRegion(region: RegionState, seed: SeedRegion, base: number, today: number, now: number): void {
  const accessed = (daysAgo: number | undefined): number | undefined => (daysAgo === undefined ? undefined : today - daysAgo * DAY_MS);
  seed.kmsAliases.forEach((aliasName, index) => {
    const at = seedTime(base, 500, index);
    region.kmsAliases.push({ aliasName, targetKeyId: deterministicUuid(`${region.region}/${aliasName}`), creationDate: at, lastUpdatedDate: at });
  });
  for (const fn of seed.functions) {
    region.functions.push({ ...fn, roleName: `${fn.name}-role`, lastModified: seedTime(base, fn.lastModifiedDaysAgo, 0) });
  }
  seed.secrets.forEach((item, index) => {
    const key = `${region.region}/${item.name}`;
    const versions = item.versions.map((version, vIndex) => ({
      versionId: deterministicUuid(`${key}/v${vIndex + 1}`),
      ...(typeof version.value === 'string' ? { secretString: version.value } : { secretBinary: Buffer.from(version.value.binaryBase64, 'base64') }),
      stages: [...version.stages],
      createdDate: seedTime(base, version.daysAgo, index),
      kmsKeyId: item.kmsKeyId,
      lastAccessedDate: version.stages.includes('AWSCURRENT') ? accessed(item.lastAccessedDaysAgo) : undefined,
    }));
    const secret: Secret = {
      name: item.name,
      arn: secretArn(region.region, item.name, deterministicArnSuffix(key)),
      description: item.description,
      kmsKeyId: item.kmsKeyId,
      tags: (item.tags ?? []).map((tag) => ({ ...tag })),
      versions,
      createdDate: seedTime(base, item.createdDaysAgo, index),
      lastChangedDate: Math.max(...versions.map((version) => version.createdDate)),
      lastAccessedDate: accessed(item.lastAccessedDaysAgo),
      primaryRegion: region.region,
    };
    if (item.rotation) {
      const lastRotated = seedTime(base, item.rotation.lastRotatedDaysAgo, index);
      secret.rotationEnabled = true;
      secret.rotationLambdaArn = `arn:aws:lambda:${region.region}:123456789012:function:${item.rotation.lambdaName}`;
      secret.rotationRules = { AutomaticallyAfterDays: item.rotation.automaticallyAfterDays };
      secret.lastRotatedDate = lastRotated;
      secret.nextRotationDate = nextRotationDate(secret.rotationRules, lastRotated, base);
    }
    if (item.owner) {
      // Managed rotation: the owning service rotates it, no Lambda is configured.
      const lastRotated = versions[versions.length - 1]!.createdDate;
      secret.owningService = item.owner.service;
      secret.rotationEnabled = true;
      secret.rotationRules = { AutomaticallyAfterDays: item.owner.managedRotationDays };
      secret.lastRotatedDate = lastRotated;
      secret.nextRotationDate = nextRotationDate(secret.rotationRules, lastRotated, base);
    }
    if (item.deletion) {
      secret.deletedDate = seedTime(base, item.deletion.daysAgo, index);
      secret.deletionDate = secret.deletedDate + item.deletion.recoveryWindowInDays * DAY_MS;
      secret.lastChangedDate = secret.deletedDate;
    }
    region.secrets.set(secret.name, secret);
    if (item.lastAccessedDaysAgo !== undefined) seedReadEvent(region, secret, item.lastAccessedDaysAgo, today, now, index);
  });
  seed.databases.forEach((item, index) => {
    const masterUserSecret = item.masterUserSecret
      ? { secretArn: region.secrets.get(item.masterUserSecret)!.arn, kmsKeyId: `arn:aws:kms:${region.region}:123456789012:alias/aws/secretsmanager` }
      : undefined;
    const createdTime = seedTime(base, item.createdDaysAgo, index);
    if (item.kind === 'instance') {
      region.dbInstances.push({
        identifier: item.identifier,
        arn: dbInstanceArn(region.region, item.identifier),
        engine: item.engine,
        engineVersion: item.engineVersion,
        instanceClass: 'db.t4g.medium',
        masterUsername: item.masterUsername,
        dbName: item.dbName,
        address: `${item.identifier}.cdemo${hex8(region.region)}.${region.region}.rds.amazonaws.com`,
        port: item.port,
        createdTime,
        masterUserSecret,
      });
      return;
    }
    const host = `${item.identifier}.cluster-cdemo${hex8(region.region)}.${region.region}.${item.engine === 'docdb' ? 'docdb' : 'rds'}.amazonaws.com`;
    region.dbClusters.push({
      identifier: item.identifier,
      arn: dbClusterArn(region.region, item.identifier),
      engine: item.engine,
      engineVersion: item.engineVersion,
      masterUsername: item.masterUsername,
      databaseName: item.dbName,
      endpoint: host,
      readerEndpoint: host.replace('.cluster-', '.cluster-ro-'),
      port: item.port,
      createdTime,
      masterUserSecret,
    });
  });
  seed.parameters.forEach((item, index) => {
    const parameter: Parameter = {
      name: item.name,
      arn: parameterArn(region.region, item.name),
      tags: (item.tags ?? []).map((tag) => ({ ...tag })),
      versions: item.versions.map((version, vIndex) => ({
        version: vIndex + 1,
        value: version.value,
        ciphertext: item.type === 'SecureString' ? fakeCiphertext(Buffer.byteLength(version.value)) : undefined,
        type: item.type,
        keyId: item.type === 'SecureString' ? (item.keyId ?? 'alias/aws/ssm') : undefined,
        description: item.description,
        allowedPattern: item.allowedPattern,
        tier: item.tier ?? 'Standard',
        dataType: item.dataType ?? 'text',
        labels: [...(version.labels ?? [])],
        lastModifiedDate: seedTime(base, version.daysAgo, index),
        lastModifiedUser: CALLER_ARN,
        policies: item.expiresInDays === undefined ? undefined : [expirationPolicy(today + item.expiresInDays * DAY_MS)],
      })),
    };
    region.parameters.set(parameter.name, parameter);
  });
}

function expirationPolicy(at: number): ParameterPolicy {
  const text = JSON.stringify({ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: new Date(at).toISOString() } });
  return { type: 'Expiration', text, expiresAt: at };
}

/** Eight hex digits derived from `key`, for stable fake host names. */
function hex8(key: string): string {
  return deterministicUuid(key).slice(0, 8);
}

/** Replaces the whole state with the named seed. */
export function applySeed(state: EmulatorState, seed: SeedName, now = Date.now()): void {
  state.clear();
  if (seed === 'none') return;
  const today = startOfUtcDay(now);
  const base = today - 60 * 60 * 1000;
  for (const region of DEMO_REGIONS) loadRegion(state.region(region), DEMO_SEED[region], base, today, now);
}

/**
 * The CloudTrail event behind a seeded LastAccessedDate: the application's role read the secret
 * that day (today: halfway between midnight and now), so Show Access History agrees with the tree.
 */
function seedReadEvent(region: RegionState, secret: Secret, daysAgo: number, today: number, now: number, index: number): void {
  const parts = secret.name.split('/');
  const app = parts.length > 1 ? parts[parts.length - 2]! : parts[0]!;
  const at = daysAgo === 0 ? today + Math.floor((now - today) / 2) : today - daysAgo * DAY_MS + 9 * 60 * 60 * 1000 + index * 60_000;
  seedRead(region, {
    secretArn: secret.arn,
    secretName: secret.name,
    at,
    principalArn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${app}-service/i-0${deterministicUuid(`${secret.arn}/instance`).replace(/-/g, '').slice(0, 16)}`,
    sourceIp: `10.0.${(index * 7) % 250}.${(index * 13) % 250}`,
    accessKeyId: `ASIA${deterministicUuid(`${secret.arn}/key`).replace(/-/g, '').toUpperCase().slice(0, 16)}`,
  });
}

export interface BulkSeed {
  region: string;
  secrets?: number;
  parameters?: number;
  /** Name prefix, e.g. 'bulk/' → secrets 'bulk/secret-00001', parameters '/bulk/param-00001'. */
  prefix?: string;
}

export const MAX_BULK_ITEMS = 200_000;

/**
 * Adds many small items straight into the state (no per-item validation or
 * crypto), so 10,000 secrets and parameters load in milliseconds.
 */
export function bulkSeed(state: EmulatorState, options: BulkSeed, now = Date.now()): { secrets: number; parameters: number } {
  const region = state.region(options.region);
  const prefix = options.prefix ?? 'bulk/';
  const secrets = Math.max(0, Math.min(options.secrets ?? 0, MAX_BULK_ITEMS));
  const parameters = Math.max(0, Math.min(options.parameters ?? 0, MAX_BULK_ITEMS));
  const width = Math.max(5, String(Math.max(secrets, parameters)).length);
  const start = now - Math.max(secrets, parameters) * 1000;
  for (let i = 1; i <= secrets; i++) {
    const name = `${prefix}secret-${String(i).padStart(width, '0')}`;
    const at = start + i * 1000;
    region.secrets.set(name, {
      name,
      arn: secretArn(options.region, name, deterministicArnSuffix(`${options.region}/${name}`)),
      description: `Bulk secret ${i}`,
      tags: [{ Key: 'bulk', Value: String(i % 10) }],
      versions: [{ versionId: deterministicUuid(`${options.region}/${name}/v1`), secretString: `bulk-value-${i}`, stages: ['AWSCURRENT'], createdDate: at }],
      createdDate: at,
      lastChangedDate: at,
      primaryRegion: options.region,
    });
  }
  const pathPrefix = `/${prefix.replace(/^\/+/, '')}`;
  for (let i = 1; i <= parameters; i++) {
    const name = `${pathPrefix}param-${String(i).padStart(width, '0')}`;
    region.parameters.set(name, {
      name,
      arn: parameterArn(options.region, name),
      tags: [],
      versions: [
        {
          version: 1,
          value: `bulk-value-${i}`,
          type: 'String',
          tier: 'Standard',
          dataType: 'text',
          labels: [],
          lastModifiedDate: start + i * 1000,
          lastModifiedUser: CALLER_ARN,
        },
      ],
    });
  }
  return { secrets, parameters };
}
