// Direct AWS calls to the emulator, to check what a command really wrote (independently of
// the extension's own AWS layer) and to change things behind the extension's back.
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { EMULATOR_CREDENTIALS } from '../../emulator';
import { emulatorEndpoint } from './helpers';

const config = (region: string) => ({ region, endpoint: emulatorEndpoint(), credentials: { ...EMULATOR_CREDENTIALS } });

export async function secretText(name: string, region = 'us-east-1', stage?: string): Promise<string | undefined> {
  const client = new SecretsManagerClient(config(region));
  try {
    return (await client.send(new GetSecretValueCommand({ SecretId: name, VersionStage: stage }))).SecretString;
  } finally {
    client.destroy();
  }
}

export async function describeSecret(name: string, region = 'us-east-1') {
  const client = new SecretsManagerClient(config(region));
  try {
    return await client.send(new DescribeSecretCommand({ SecretId: name }));
  } finally {
    client.destroy();
  }
}

/** Writes a new version as another user or tool would. */
export async function putSecretBehindTheBack(name: string, text: string, region = 'us-east-1'): Promise<void> {
  const client = new SecretsManagerClient(config(region));
  try {
    await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: text }));
  } finally {
    client.destroy();
  }
}

export async function parameter(name: string, region = 'us-east-1') {
  const client = new SSMClient(config(region));
  try {
    return (await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter;
  } finally {
    client.destroy();
  }
}

/** Creates a secret as another tool would (the value exactly as given), with optional tags. */
export async function createSecretBehindTheBack(name: string, text: string, tags: { Key: string; Value: string }[] = [], region = 'us-east-1'): Promise<void> {
  const client = new SecretsManagerClient(config(region));
  try {
    await client.send(new CreateSecretCommand({ Name: name, SecretString: text, Tags: tags.length ? tags : undefined }));
  } finally {
    client.destroy();
  }
}

/** How many versions a secret has, deprecated ones included. */
export async function secretVersionCount(name: string, region = 'us-east-1'): Promise<number> {
  const client = new SecretsManagerClient(config(region));
  try {
    return (await client.send(new ListSecretVersionIdsCommand({ SecretId: name, IncludeDeprecated: true }))).Versions?.length ?? 0;
  } finally {
    client.destroy();
  }
}
