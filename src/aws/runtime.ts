/**
 * Entry point of the lazily loaded AWS bundle (dist/aws.js): everything that pulls in the
 * AWS SDK is reached from here, so the extension loads none of it until the first AWS call.
 */
import { ClientCache } from './clients';
import { CloudTrailStore } from './cloudTrailStore';
import { AwsError } from './errors';
import { KmsKeyStore } from './kmsKeyStore';
import { LambdaFunctionStore } from './lambdaFunctionStore';
import { RdsDatabaseStore } from './rdsDatabaseStore';
import { profileLabel } from './profileNames';
import { configFilePaths } from './configFiles';
import { discoverProfiles } from './profiles';
import { SecretsManagerStore } from './secretsManagerStore';
import { CallPacer } from './pacing';
import { SsmParameterStore } from './ssmParameterStore';
import { StsIdentityStore } from './stsIdentityStore';
import type { StoreContext } from './call';
import type { AwsProfile, AwsRuntime, AwsRuntimeOptions, ServiceId } from './types';

const USER_AGENT = 'aws-secrets-lens';
/** CloudTrail's LookupEvents: 2 requests per second per account and Region (its API reference). */
const LOOKUP_INTERVAL_MS = 500;

export function createAwsRuntime(options: AwsRuntimeOptions): AwsRuntime {
  return new SdkAwsRuntime(options);
}

class SdkAwsRuntime implements AwsRuntime {
  private profiles: Promise<AwsProfile[]> | undefined;
  private readonly clients: ClientCache;
  private readonly env: NodeJS.ProcessEnv;
  /** One LookupEvents pacer per (profile, Region): a profile stands for its account. */
  private readonly lookupPacers = new Map<string, CallPacer>();

  constructor(private readonly options: AwsRuntimeOptions) {
    this.env = options.env ?? process.env;
    this.clients = new ClientCache({
      mfaCodeProvider: options.mfaCodeProvider,
      maxAttempts: options.maxAttempts ?? 4,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      userAgent: USER_AGENT,
      files: configFilePaths(this.env),
    });
  }

  listProfiles(): Promise<AwsProfile[]> {
    if (!this.profiles) {
      const loading = discoverProfiles(this.env);
      this.profiles = loading;
      // A failed read is not cached: the next call tries again.
      loading.catch(() => {
        if (this.profiles === loading) this.profiles = undefined;
      });
    }
    return this.profiles;
  }

  configFiles(): { config: string; credentials: string } {
    return configFilePaths(this.env);
  }

  reload(): void {
    this.profiles = undefined;
    this.clients.clear();
    this.options.logger.info('AWS config changed: profiles reloaded, clients recreated');
  }

  async secrets(profile: string, region: string): Promise<SecretsManagerStore> {
    const p = await this.profile(profile, region, 'secretsmanager');
    return new SecretsManagerStore(this.clients.get('secretsmanager', p, region), this.context(p, region, 'secretsmanager'), this.options.logger);
  }

  async parameters(profile: string, region: string): Promise<SsmParameterStore> {
    const p = await this.profile(profile, region, 'ssm');
    return new SsmParameterStore(this.clients.get('ssm', p, region), this.context(p, region, 'ssm'), this.options.logger);
  }

  async keys(profile: string, region: string): Promise<KmsKeyStore> {
    const p = await this.profile(profile, region, 'kms');
    return new KmsKeyStore(this.clients.get('kms', p, region), this.context(p, region, 'kms'), this.options.logger);
  }

  async functions(profile: string, region: string): Promise<LambdaFunctionStore> {
    const p = await this.profile(profile, region, 'lambda');
    return new LambdaFunctionStore(this.clients.get('lambda', p, region), this.context(p, region, 'lambda'), this.options.logger);
  }

  async databases(profile: string, region: string): Promise<RdsDatabaseStore> {
    const p = await this.profile(profile, region, 'rds');
    return new RdsDatabaseStore(this.clients.get('rds', p, region), this.context(p, region, 'rds'), this.options.logger);
  }

  async identity(profile: string, region: string): Promise<StsIdentityStore> {
    const p = await this.profile(profile, region, 'sts');
    return new StsIdentityStore(this.clients.get('sts', p, region), this.context(p, region, 'sts'), this.options.logger);
  }

  async trail(profile: string, region: string): Promise<CloudTrailStore> {
    const p = await this.profile(profile, region, 'cloudtrail');
    const key = `${profile}\u0000${region}`;
    let pacer = this.lookupPacers.get(key);
    if (!pacer) this.lookupPacers.set(key, (pacer = new CallPacer(LOOKUP_INTERVAL_MS)));
    return new CloudTrailStore(this.clients.get('cloudtrail', p, region), this.context(p, region, 'cloudtrail'), this.options.logger, pacer);
  }

  dispose(): void {
    this.clients.clear();
  }

  private async profile(name: string, region: string, service: ServiceId): Promise<AwsProfile> {
    const found = (await this.listProfiles()).find((p) => p.name === name);
    if (!found) {
      const context = { profile: name, profileLabel: profileLabel(name), region, service, operation: 'LoadProfile' };
      throw new AwsError(
        'noCredentials',
        `Profile ${profileLabel(name)} is no longer in your AWS config files. Refresh the explorer.`,
        context,
        undefined,
        undefined,
      );
    }
    return found;
  }

  private context(profile: AwsProfile, region: string, service: ServiceId): StoreContext {
    return { profile: profile.name, profileLabel: profileLabel(profile.name), region, service, endpoint: profile.endpoints[service] };
  }
}
