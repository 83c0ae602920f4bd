/**
 * Secrets Manager's published price, for the monthly cost of secrets nobody reads. Read from
 * https://aws.amazon.com/secrets-manager/pricing/ on 2026-12-02: US$0.40 per secret per month
 * (prorated for part of a month; each replica is billed as a secret of its own), plus US$0.05 per
 * 10,000 API calls. "There is no charge for secrets that you have marked for deletion" (Secrets
 * Manager User Guide, "Delete an AWS Secrets Manager secret"). Parameter Store's standard
 * parameters are free. Prices change: the views say which price and date they use.
 */
export const SECRET_PRICE = {
  usdPerSecretMonth: 0.4,
  source: 'https://aws.amazon.com/secrets-manager/pricing/',
  readOn: '2026-12-02',
} as const;

export function formatUsd(amount: number): string {
  return `US$${amount.toFixed(2)}`;
}

/** "US$0.40 per secret per month (AWS's published price, read on 2026-12-02)". */
export function priceNote(): string {
  return `${formatUsd(SECRET_PRICE.usdPerSecretMonth)} per secret per month (AWS's published price, read on ${SECRET_PRICE.readOn} from ${SECRET_PRICE.source})`;
}
