/**
 * Variable names suggested for the fetched value (the user can retype them: they are tab stops).
 * Derived from the JSON key, else from the last segment of the name, in each language's casing.
 */
import type { LookupTarget } from './types';

export type NamingStyle = 'camel' | 'snake' | 'pascal' | 'upperSnake';

/** Words that are reserved in at least one language we write; a suggestion that hits one gets a suffix. */
const RESERVED = new Set(
  (
    'abstract and as assert async await base begin bool boolean break byte case catch char checked class const ' +
    'continue crate debugger decimal def default defer del delegate do double dyn echo elif else elsif end ensure ' +
    'enum event except explicit export extends extern false final finally fixed float fn for foreach from func ' +
    'function get global go goto if impl implicit implements import in int interface internal is lambda let lock ' +
    'long loop match mod module move mut namespace native new next nil none nonlocal not null object operator or ' +
    'out override package params pass print private protected pub public raise readonly redo ref register rescue ' +
    'retry return sbyte sealed select self short sizeof stackalloc static strictfp string struct super switch ' +
    'synchronized then this throw throws trait transient true try type typeof uint ulong undef unless unsafe ' +
    'until use ushort using var virtual void volatile when where while with yield'
  ).split(' '),
);

/** ASCII words of the item: `/app/prod/db-password` → ["db", "password"]. */
function words(target: LookupTarget): string[] {
  const source = target.jsonKey ? target.jsonKey : (target.name.split(/[/:]/).filter(Boolean).pop() ?? '');
  const found = source
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  while (found.length > 0 && /^\d/.test(found[0] ?? '')) found.shift(); // identifiers cannot start with a digit
  return found.slice(0, 4);
}

export function valueVariableName(target: LookupTarget, style: NamingStyle): string {
  const found = words(target);
  const fallback = target.service === 'ssm' ? ['parameter', 'value'] : ['secret', 'value'];
  return applyStyle(found.length > 0 ? found : fallback, style);
}

export function applyStyle(parts: string[], style: NamingStyle): string {
  let name: string;
  switch (style) {
    case 'snake':
      name = parts.join('_');
      break;
    case 'upperSnake':
      name = parts.join('_').toUpperCase();
      break;
    case 'pascal':
      name = parts.map(capitalize).join('');
      break;
    case 'camel':
      name = parts.map((p, i) => (i === 0 ? p : capitalize(p))).join('');
      break;
  }
  if (RESERVED.has(name.toLowerCase())) return applyStyle([...parts, 'value'], style);
  return name;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `us-east-1` → `us_east_1` style suffixes for a second client in another region. */
export function regionSuffix(region: string | undefined, style: NamingStyle): string {
  const parts = (region ?? 'default')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase());
  return applyStyle(parts, style);
}

/** Whether a property key can be written with dot access in JavaScript (`obj.key`). */
export function isJsIdentifier(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text) && !RESERVED.has(text);
}
