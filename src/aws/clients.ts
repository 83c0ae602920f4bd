import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { credentialsFor } from './credentials';
import { ENVIRONMENT_PROFILE } from './profileNames';
import type { AwsProfile, MfaCodeProvider, ServiceId } from './types';

const CLIENTS = {
  secretsmanager: SecretsManagerClient,
  ssm: SSMClient,
  kms: KMSClient,
  lambda: LambdaClient,
  rds: RDSClient,
  cloudtrail: CloudTrailClient,
  sts: STSClient,
} as const;

type ClientOf<S extends ServiceId> = InstanceType<(typeof CLIENTS)[S]>;

export interface ClientCacheOptions {
  readonly mfaCodeProvider?: MfaCodeProvider;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  readonly userAgent: string;
  /** The config and credentials files profiles are read from. */
  readonly files: { config: string; credentials: string };
}

/**
 * One SDK client per (profile, region, service), created on first use and reused, and
 * destroyed together when the config files change or the extension is disposed.
 */
export class ClientCache {
  private readonly clients = new Map<string, { destroy(): void }>();
  private readonly credentials = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly options: ClientCacheOptions) {}

  get<S extends ServiceId>(service: S, profile: AwsProfile, region: string): ClientOf<S> {
    const key = `${profile.name}\u0000${region}\u0000${service}`;
    let client = this.clients.get(key);
    if (!client) {
      const Client = CLIENTS[service];
      client = new Client({
        region,
        credentials: this.credentialsOf(profile.name),
        // Passed explicitly: the SDK would ignore the profile's endpoint_url (see endpoints.ts).
        endpoint: profile.endpoints[service],
        // Lets the SDK read the profile's other settings (retry mode, FIPS…); not for environment credentials.
        profile: profile.name === ENVIRONMENT_PROFILE ? undefined : profile.name,
        maxAttempts: this.options.maxAttempts,
        retryMode: 'adaptive',
        customUserAgent: this.options.userAgent,
        requestHandler: { requestTimeout: this.options.requestTimeoutMs, connectionTimeout: Math.min(this.options.requestTimeoutMs, 10_000) },
      });
      this.clients.set(key, client);
    }
    return client as ClientOf<S>;
  }

  private credentialsOf(profile: string): AwsCredentialIdentityProvider {
    let provider = this.credentials.get(profile);
    if (!provider) {
      provider = credentialsFor(profile, this.options.files, this.options.mfaCodeProvider);
      this.credentials.set(profile, provider);
    }
    return provider;
  }

  /** Destroys every client (closing their sockets) and forgets cached credentials. */
  clear(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.credentials.clear();
  }
}
