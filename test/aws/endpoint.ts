/**
 * Gives an AWS-level test something to talk to.
 *
 * - TEST_AWS_ENDPOINT unset: starts the bundled emulator (seed 'none') and
 *   reports `external: false` with the emulator handle, so fault tests can use it.
 * - TEST_AWS_ENDPOINT=http://host:port (LocalStack, moto, …): uses it with
 *   TEST_AWS_ACCESS_KEY_ID / TEST_AWS_SECRET_ACCESS_KEY (default 'test'/'test')
 *   and TEST_AWS_REGION (default us-east-1); `external: true`.
 * - TEST_AWS_ENDPOINT=aws: real AWS through the default endpoints and, unless
 *   the TEST_AWS_* keys are set, the default credential chain.
 *
 * Every name a test creates starts with `uniquePrefix()` so runs against a
 * shared account never collide, and `Cleanup` removes what a test created.
 */
import { randomBytes } from 'node:crypto';
import { DeleteSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DeleteParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { EMULATOR_CREDENTIALS, type RunningEmulator, startEmulator } from '../emulator/index';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientOptions {
  /** Defaults to the endpoint's main region. */
  region?: string;
  /** 1 to see the raw error instead of the SDK's retries. */
  maxAttempts?: number;
}

export interface ClientConfig {
  endpoint?: string;
  region: string;
  credentials?: Credentials;
  maxAttempts?: number;
}

export class TestEndpoint {
  private readonly clients: Array<{ destroy(): void }> = [];

  constructor(
    /** Undefined for real AWS (default endpoints). */
    readonly endpoint: string | undefined,
    readonly region: string,
    /** A second region, for tests of per-region state. */
    readonly otherRegion: string,
    readonly credentials: Credentials | undefined,
    readonly external: boolean,
    /** Present only for the bundled emulator (fault injection, stats). */
    readonly emulator?: RunningEmulator,
  ) {}

  config(options: ClientOptions = {}): ClientConfig {
    const config: ClientConfig = { region: options.region ?? this.region };
    if (this.endpoint !== undefined) config.endpoint = this.endpoint;
    if (this.credentials !== undefined) config.credentials = this.credentials;
    if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
    return config;
  }

  private track<T extends { destroy(): void }>(client: T): T {
    this.clients.push(client);
    return client;
  }

  secretsManager(options?: ClientOptions): SecretsManagerClient {
    return this.track(new SecretsManagerClient(this.config(options)));
  }

  ssm(options?: ClientOptions): SSMClient {
    return this.track(new SSMClient(this.config(options)));
  }

  kms(options?: ClientOptions): KMSClient {
    return this.track(new KMSClient(this.config(options)));
  }

  lambda(options?: ClientOptions): LambdaClient {
    return this.track(new LambdaClient(this.config(options)));
  }

  rds(options?: ClientOptions): RDSClient {
    return this.track(new RDSClient(this.config(options)));
  }

  /** Destroys the clients made here and stops the bundled emulator. */
  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy();
    await this.emulator?.close();
  }
}

/**
 * Always the bundled emulator, whatever TEST_AWS_ENDPOINT says: for the emulator's own
 * fidelity tests (server-side validation, page sizes, status codes copied from the API reference).
 */
export async function openEmulatorEndpoint(): Promise<TestEndpoint> {
  const region = process.env['TEST_AWS_REGION'] || 'us-east-1';
  const emulator = await startEmulator({ seed: 'none' });
  return new TestEndpoint(emulator.endpoint, region, region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1', { ...EMULATOR_CREDENTIALS }, false, emulator);
}

export async function openTestEndpoint(): Promise<TestEndpoint> {
  const configured = process.env['TEST_AWS_ENDPOINT'];
  const region = process.env['TEST_AWS_REGION'] || 'us-east-1';
  const otherRegion = process.env['TEST_AWS_OTHER_REGION'] || (region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1');
  if (!configured) {
    const emulator = await startEmulator({ seed: 'none' });
    return new TestEndpoint(emulator.endpoint, region, otherRegion, { ...EMULATOR_CREDENTIALS }, false, emulator);
  }
  const accessKeyId = process.env['TEST_AWS_ACCESS_KEY_ID'];
  const secretAccessKey = process.env['TEST_AWS_SECRET_ACCESS_KEY'];
  const sessionToken = process.env['TEST_AWS_SESSION_TOKEN'];
  if (configured === 'aws') {
    const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
    return new TestEndpoint(undefined, region, otherRegion, credentials, true);
  }
  return new TestEndpoint(configured, region, otherRegion, { accessKeyId: accessKeyId || 'test', secretAccessKey: secretAccessKey || 'test' }, true);
}

/**
 * Whether tests run against an external endpoint. Known when test files are
 * loaded, so fault-injection suites can declare
 * `{ skip: external && 'fault injection needs the bundled emulator' }` (the only permitted skip).
 */
export const external = Boolean(process.env['TEST_AWS_ENDPOINT']);

/** One id per test process, so a run's names are recognisable and never collide with another run's. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let counter = 0;

/**
 * A fresh prefix such as `asl-test-lx2k9f3a1b2c/pagination-1`: use it as a
 * secret-name prefix, or with a leading slash as a parameter path.
 */
export function uniquePrefix(label: string): string {
  counter += 1;
  return `asl-test-${RUN_ID}/${label}-${counter}`;
}

/** Records what a test created and removes it afterwards, ignoring what is already gone. */
export class Cleanup {
  private readonly secrets: Array<{ name: string; region?: string }> = [];
  private readonly parameters: Array<{ name: string; region?: string }> = [];

  constructor(private readonly endpoint: TestEndpoint) {}

  secret<T extends string>(name: T, region?: string): T {
    this.secrets.push({ name, region });
    return name;
  }

  parameter<T extends string>(name: T, region?: string): T {
    this.parameters.push({ name, region });
    return name;
  }

  async run(): Promise<void> {
    const byRegion = <T extends { region?: string }>(items: T[]): Map<string, T[]> => {
      const map = new Map<string, T[]>();
      for (const item of items) {
        const region = item.region ?? this.endpoint.region;
        map.set(region, [...(map.get(region) ?? []), item]);
      }
      return map;
    };
    for (const [region, secrets] of byRegion(this.secrets.splice(0))) {
      const client = this.endpoint.secretsManager({ region });
      await Promise.all(
        secrets.map((secret) => client.send(new DeleteSecretCommand({ SecretId: secret.name, ForceDeleteWithoutRecovery: true })).catch(() => undefined)),
      );
    }
    for (const [region, parameters] of byRegion(this.parameters.splice(0))) {
      const client = this.endpoint.ssm({ region });
      const names = parameters.map((parameter) => parameter.name);
      for (let i = 0; i < names.length; i += 10) {
        await client.send(new DeleteParametersCommand({ Names: names.slice(i, i + 10) })).catch(() => undefined);
      }
    }
  }
}

/**
 * Retries `check` until it stops throwing. Listing APIs are eventually
 * consistent on AWS (ListSecrets may lag by minutes), so tests wait for the
 * condition instead of sleeping a fixed time.
 */
export async function eventually<T>(check: () => Promise<T>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  // The bundled emulator is consistent at once; only a remote endpoint needs patience.
  const deadline = Date.now() + (options.timeoutMs ?? (external ? 60_000 : 2_000));
  const interval = options.intervalMs ?? 250;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** Runs `action` and returns the error it throws, failing if it succeeds. */
export async function errorOf(action: () => Promise<unknown>): Promise<Error & { name: string; $fault?: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await action();
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
