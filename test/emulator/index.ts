/**
 * A local server that speaks the real AWS wire protocols for Secrets Manager,
 * SSM Parameter Store, KMS (ListAliases) and Lambda (ListFunctions), so the
 * real AWS SDK clients run unchanged against it with `endpoint`.
 *
 *   const emulator = await startEmulator({ seed: 'demo' });
 *   new SecretsManagerClient({ endpoint: emulator.endpoint, region: 'us-east-1',
 *     credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator' } });
 */
import type { FaultRule } from './faults';
import type { SeedName } from './seed';
import { EmulatorServer } from './server';

export type { FaultKind, FaultRule } from './faults';
export type { ServiceName } from './protocol';
export { ACCOUNT_ID, CALLER_ARN } from './protocol';
export type { SeedName } from './seed';
export {
  DEMO_COUNTS,
  DEMO_REGIONS,
  DEMO_ROTATION_LAMBDA_ARN,
  DEMO_SEED,
  type DemoCounts,
  type DemoRegion,
  type SeedDatabase,
  type SeedFunction,
  type SeedParameter,
  type SeedParameterVersion,
  type SeedRegion,
  type SeedSecret,
  type SeedSecretVersion,
} from './seedData';

/** Credentials the emulator accepts (it accepts any; these make intent obvious). */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator' } as const;

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:PORT — pass as the SDK client's `endpoint`. */
  endpoint: string;
  port: number;
  /** Adds a fault rule; returns its id. */
  addFault(rule: FaultRule): string;
  clearFaults(): void;
  /** Reloads the seed it was started with and clears faults and stats. */
  reset(): void;
  /** Requests received per `service.Operation`, e.g. `{ 'secretsmanager.ListSecrets': 2 }`. */
  stats(): Record<string, number>;
  /** Closes the server and every open socket. */
  close(): Promise<void>;
}

export interface StartEmulatorOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'demo'. */
  seed?: SeedName;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const server = new EmulatorServer({ seed: options.seed ?? 'demo' });
  const port = await server.listen(options.port ?? 0, host);
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${reachable}:${port}`,
    port,
    addFault: (rule) => server.addFault(rule),
    clearFaults: () => void server.faults.clear(),
    reset: () => server.reset(),
    stats: () => server.stats(),
    close: () => server.close(),
  };
}
