// Runtime configuration of the payments API, read from AWS when it starts (demo).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const secrets = new SecretsManagerClient({});
const ssm = new SSMClient({});

export async function loadConfig(): Promise<{ database: unknown; stripeKey?: string; databaseHost?: string }> {
  const database = await secrets.send(new GetSecretValueCommand({ SecretId: 'prod/payments/db' }));
  const stripe = await secrets.send(new GetSecretValueCommand({ SecretId: 'prod/payments/stripe-api-key' }));
  const host = await ssm.send(new GetParameterCommand({ Name: '/app/prod/payments/db-host' }));
  return { database: JSON.parse(database.SecretString ?? '{}'), stripeKey: stripe.SecretString, databaseHost: host.Parameter?.Value };
}
