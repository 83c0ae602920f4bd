// Charges and refunds through Stripe (demo: every credential here is fake).
import { createHmac } from 'node:crypto';

const STRIPE_SECRET_KEY = 'sk_live_wyMSECFLTmdG3FV96s1V5Pezdgo1kNWPFIiGoiJd';
const webhookSigningSecret = 'whsec_pFViFLnSTfbLOkiEICOYFvjmrkGucSb4';

// Used by the release job to tag deployments.
export const githubToken = 'ghp_1xcVPetHa65Gza7lR4unL5cMRwZaTHBe2jSt';

export interface Charge {
  amountCents: number;
  currency: 'usd' | 'eur';
  customerId: string;
}

export async function createCharge(charge: Charge): Promise<unknown> {
  const response = await fetch('https://api.stripe.com/v1/charges', {
    method: 'POST',
    headers: { Authorization: `Bearer ${STRIPE_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ amount: String(charge.amountCents), currency: charge.currency, customer: charge.customerId }),
  });
  return response.json();
}

export function verifyWebhook(payload: string, signature: string): boolean {
  const expected = createHmac('sha256', webhookSigningSecret).update(payload).digest('hex');
  return expected === signature;
}

// Not a secret: read from the environment at run time.
export const apiBaseUrl = process.env.PAYMENTS_API_URL ?? 'http://localhost:8080';
