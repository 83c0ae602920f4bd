/**
 * Builds the extension's real AWS layer (createAwsRuntime) against a TestEndpoint, through
 * the same route a user takes: a temporary AWS config file whose profile points at the
 * endpoint with `endpoint_url`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { createAwsRuntime } from '../../src/aws/runtime';
import type { AwsRuntime, Logger, SecretStore } from '../../src/aws/types';
import { Cleanup, openTestEndpoint, type TestEndpoint } from './endpoint';

export const PROFILE = 'under-test';

export interface RuntimeFixture {
  readonly runtime: AwsRuntime;
  readonly env: NodeJS.ProcessEnv;
  /** Every line the AWS layer logged, to check that no value leaks into the log. */
  readonly logLines: string[];
  close(): Promise<void>;
}

/** `extraConfig` is appended to the config file, e.g. more profiles for error cases. */
export async function openRuntime(endpoint: TestEndpoint, extraConfig = '', options: { maxAttempts?: number } = {}): Promise<RuntimeFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'asl-runtime-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  const endpointLine = endpoint.endpoint ? `endpoint_url = ${endpoint.endpoint}\n` : '';
  await writeFile(config, `[profile ${PROFILE}]\nregion = ${endpoint.region}\n${endpointLine}\n${extraConfig}`);
  const keys = endpoint.credentials;
  await writeFile(
    credentials,
    keys
      ? `[${PROFILE}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n${keys.sessionToken ? `aws_session_token = ${keys.sessionToken}\n` : ''}`
      : '',
  );
  const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, HOME: dir };
  const logLines: string[] = [];
  const record = (level: string) => (message: string) => void logLines.push(`${level} ${message}`);
  const logger: Logger = { trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  const runtime = createAwsRuntime({ logger, env, maxAttempts: options.maxAttempts ?? 2 });
  return {
    runtime,
    env,
    logLines,
    async close() {
      runtime.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What a suite of SecretStore tests works with; filled in by the suite's `before` hook. */
export interface SecretStoreSuite {
  endpoint: TestEndpoint;
  fixture: RuntimeFixture;
  store: SecretStore;
  /** Removes what each test created, after it. */
  cleanup: Cleanup;
}

/** Registers the hooks of a SecretStore suite in the current `describe`: the endpoint, the runtime, the store, the cleanup. */
export function secretStoreSuite(): SecretStoreSuite {
  const suite = {} as SecretStoreSuite;
  before(async () => {
    suite.endpoint = await openTestEndpoint();
    suite.fixture = await openRuntime(suite.endpoint);
    suite.store = await suite.fixture.runtime.secrets(PROFILE, suite.endpoint.region);
    suite.cleanup = new Cleanup(suite.endpoint);
  });
  afterEach(() => suite.cleanup.run());
  after(async () => {
    await suite.fixture.close();
    await suite.endpoint.close();
  });
  return suite;
}
