import type { ServiceId } from './types';

/**
 * AWS's service ids, from which both the `services` section key (lower case, `_` for spaces)
 * and the `AWS_ENDPOINT_URL_<ID>` variable (upper case) are derived.
 */
const SERVICE_IDS: Record<ServiceId, string> = {
  secretsmanager: 'Secrets Manager',
  ssm: 'SSM',
  kms: 'KMS',
  lambda: 'Lambda',
  rds: 'RDS',
  cloudtrail: 'CloudTrail',
  sts: 'STS',
};

type IniSection = Readonly<Record<string, string | undefined>>;

/**
 * The SDK ignores a profile's `endpoint_url` when a client is built with the `profile`
 * option (only `AWS_PROFILE` makes it apply), and this extension shows many profiles at
 * once. So endpoints are resolved here, in the precedence the AWS CLI documents:
 * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services` section,
 * then the profile's `endpoint_url` — unless configured endpoints are switched off.
 */
export function resolveEndpoints(input: { profile: IniSection; services?: IniSection; env: NodeJS.ProcessEnv }): Partial<Record<ServiceId, string>> {
  const { profile, services, env } = input;
  const ignoreConfigured = isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(profile.ignore_configured_endpoint_urls);
  const endpoints: Partial<Record<ServiceId, string>> = {};
  if (ignoreConfigured) return endpoints;

  for (const [service, serviceId] of Object.entries(SERVICE_IDS) as [ServiceId, string][]) {
    const envName = ['AWS_ENDPOINT_URL', ...serviceId.split(' ').map((w) => w.toUpperCase())].join('_');
    const sectionKey = `${serviceId
      .split(' ')
      .map((w) => w.toLowerCase())
      .join('_')}.endpoint_url`;
    const endpoint = env[envName] || env.AWS_ENDPOINT_URL || services?.[sectionKey] || profile.endpoint_url;
    if (endpoint) endpoints[service] = endpoint;
  }
  return endpoints;
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}
