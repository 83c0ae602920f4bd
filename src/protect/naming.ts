// Names suggested for a moved secret or parameter, from the workspace, file and variable.
import type { Finding } from '../detect';

/** `my-shop/settings/db-password` for Secrets Manager, `/my-shop/settings/db-password` for Parameter Store. */
export function suggestName(service: 'secretsmanager' | 'ssm', context: { workspace?: string; fileName: string }, findings: readonly Finding[]): string {
  const file = slug(context.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) || 'file';
  const leaf = findings.length > 1 ? groupLeaf(findings) : slug(findings[0]?.name ?? findings[0]?.kind ?? 'secret') || 'secret';
  const parts = [slug(context.workspace ?? ''), file, leaf].filter(Boolean);
  return service === 'ssm' ? `/${parts.join('/')}` : parts.join('/');
}

/** One key per finding of a group, for the JSON value: the variable name, else the kind; unique. */
export function jsonKeys(findings: readonly Finding[]): string[] {
  const keys: string[] = [];
  for (const finding of findings) {
    // snake_case, the usual shape of JSON secret keys: accessKeyId and ACCESS_KEY_ID both become access_key_id.
    const base =
      (finding.name ?? finding.kind)
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9_]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toLowerCase() || 'value';
    let key = base;
    for (let i = 2; keys.includes(key); i++) key = `${base}_${i}`;
    keys.push(key);
  }
  return keys;
}

function groupLeaf(findings: readonly Finding[]): string {
  if (findings.some((f) => f.ruleId.startsWith('aws-'))) return 'aws-credentials';
  return `${slug(findings[0].name ?? findings[0].kind)}-credentials`;
}

/** Lower-case words joined by hyphens, in the characters both services accept in names. */
function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
