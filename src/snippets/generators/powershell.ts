/**
 * PowerShell with AWS.Tools (modules AWS.Tools.SecretsManager / AWS.Tools.SimpleSystemsManagement).
 * `Get-SECSecretValue` returns the GetSecretValue response (`.SecretString`); `Get-SSMParameter` calls
 * GetParameter and returns the Parameter (`.Value`). JSON keys go through `ConvertFrom-Json`.
 */
import { detectEol } from '../edits';
import { powershellModules, renderAtAnchor } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { powershellString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { jsonKeyOf, valueName, type CodeFixer, type SnippetGenerator } from './common';

function moduleOf(target: LookupTarget): string {
  return target.service === 'secretsmanager' ? 'AWS.Tools.SecretsManager' : 'AWS.Tools.SimpleSystemsManagement';
}

/** An expression that starts with `(`, so it reads the same in expression and argument mode. */
export function powershellLookup(target: LookupTarget, decrypt: boolean): string {
  const region = target.region ? ` -Region ${powershellString(target.region)}` : '';
  const cmdlet =
    target.service === 'secretsmanager'
      ? `(Get-SECSecretValue -SecretId ${powershellString(target.name)}${region}).SecretString`
      : `(Get-SSMParameter -Name ${powershellString(target.name)}${decrypt ? ' -WithDecryption $true' : ''}${region}).Value`;
  const key = jsonKeyOf(target);
  return key === undefined ? cmdlet : `(${cmdlet} | ConvertFrom-Json).${powershellString(key)}`;
}

export const powershellSnippetGenerator: SnippetGenerator = {
  id: 'powershell',
  label: 'PowerShell (AWS.Tools)',
  generate(context) {
    const { target } = context;
    const value = tabStop(1, valueName(target, 'pascal'));
    const lookup = powershellLookup(target, target.service === 'ssm' && target.secure === true);
    return {
      body: snippet`$${value} = ${lookup}`,
      importLines: [`Import-Module ${moduleOf(target)}`],
      importEdits: () => {
        const text = context.documentText;
        const { lines, anchor } = powershellModules(scanSource(text, 'powershell').code, [moduleOf(target)]);
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};

export const powershellFixer: CodeFixer = {
  concat: (pieces) => `(${pieces.join(' + ')})`,
  expression(context) {
    const { text, scan, edits, eol } = context;
    const { lines, anchor } = powershellModules(scan.code, [moduleOf(context.target)]);
    edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
    const lookup = powershellLookup(context.target, context.target.service === 'ssm');
    const insideDoubleQuotes = context.partialOf !== undefined && context.text[context.partialOf.contentStart - 1] === '"';
    return { expression: insideDoubleQuotes ? `$(${lookup})` : lookup, primary: true, inPlace: insideDoubleQuotes };
  },
};
