/**
 * CloudFormation templates (YAML or JSON): dynamic references, resolved by CloudFormation at deploy
 * time. `{{resolve:secretsmanager:NAME:SecretString:KEY}}`, `{{resolve:ssm-secure:NAME}}` for a
 * SecureString and `{{resolve:ssm:NAME}}` for a plain parameter. A reference cannot pick a JSON key out
 * of a parameter, and cannot contain `:` in a key or `}}` anywhere; those targets are refused.
 * The reference resolves in the stack's own region: for another region, use the secret's ARN.
 */
import { snippet, tabStop } from '../snippetSyntax';
import { jsString, yamlString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { jsonKeyOf, type SnippetGenerator } from './common';

export function dynamicReference(target: LookupTarget): { reference: string } | { error: string } {
  const key = jsonKeyOf(target);
  if (target.name.includes('}}') || (key ?? '').includes('}}')) return { error: 'A CloudFormation dynamic reference cannot contain "}}".' };
  if (target.service === 'secretsmanager') {
    if (key !== undefined && key.includes(':')) return { error: 'A CloudFormation dynamic reference cannot pick a JSON key that contains ":".' };
    return { reference: `{{resolve:secretsmanager:${target.name}${key === undefined ? '' : `:SecretString:${key}`}}}` };
  }
  if (key !== undefined) {
    return {
      error: 'A CloudFormation dynamic reference cannot pick a JSON key out of a parameter: store the value as its own parameter or in Secrets Manager.',
    };
  }
  return { reference: `{{resolve:${target.secure ? 'ssm-secure' : 'ssm'}:${target.name}}}` };
}

export function isJsonDocument(languageId: string, fileName: string | undefined, text: string): boolean {
  if (languageId === 'json' || languageId === 'jsonc') return true;
  if (/\.json$/i.test(fileName ?? '')) return true;
  return languageId !== 'yaml' && /^\s*\{/.test(text);
}

export const cloudFormationSnippetGenerator: SnippetGenerator = {
  id: 'cloudformation',
  label: 'CloudFormation (dynamic reference)',
  generate(context) {
    const result = dynamicReference(context.target);
    if ('error' in result) {
      // A snippet is still useful as a starting point: say why in a comment-free way the user sees.
      return { body: snippet`${tabStop(1, result.error)}`, importLines: [], importEdits: () => [] };
    }
    const json = isJsonDocument(context.languageId, context.fileName, context.documentText);
    return { body: snippet`${json ? jsString(result.reference) : yamlString(result.reference)}`, importLines: [], importEdits: () => [] };
  },
};
