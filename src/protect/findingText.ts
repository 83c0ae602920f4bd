import type { Finding } from '../detect';

/** What the Problems panel, hovers and CodeLens say about a finding. The value appears only masked. */
export function findingMessage(finding: Finding, masked: string): string {
  return `Hard-coded ${finding.kind}${finding.name ? ` in ${finding.name}` : ''} (${masked}). Move it to AWS Secrets Manager or Parameter Store.`;
}

export function findingLensTitle(finding: Finding): string {
  return `$(shield) Hard-coded ${finding.kind}`;
}

/** Why it matters, in the hover. */
export const WHY_IT_MATTERS =
  'Anyone who can read this file — in the repository, its history, forks, build logs or a laptop backup — can use it. ' +
  'Store it in AWS and let the code fetch it; if it was ever committed, rotate it as well.';
