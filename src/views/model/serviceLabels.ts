import type { BrowsedService } from './nodes';

export const SERVICE_LABELS: Record<BrowsedService, string> = {
  secretsmanager: 'Secrets Manager',
  ssm: 'Parameter Store',
};
