/**
 * Terraform (HCL, AWS provider): a data source per secret or parameter, declared once per file and
 * shared by every fix that reads it, and an expression in place of the literal —
 * `jsondecode(data.aws_secretsmanager_secret_version.NAME.secret_string)["KEY"]` or
 * `data.aws_ssm_parameter.NAME.value` (decrypted by default). Inside a longer string the expression is
 * interpolated with `${…}`. The data source reads the provider's region.
 */
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { hclString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { jsonKeyOf, valueName, type SnippetGenerator } from './common';

function dataType(target: LookupTarget): string {
  return target.service === 'secretsmanager' ? 'aws_secretsmanager_secret_version' : 'aws_ssm_parameter';
}

/** A Terraform label from the name: letters, digits and `_`, starting with a letter. */
export function dataLabel(target: LookupTarget): string {
  const base = target.name
    .replace(/^arn:.*?:(?:secret|parameter)[:/]/, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(base) ? base : `${target.service === 'ssm' ? 'parameter' : 'secret'}_${base || 'value'}`.replace(/_+$/, '');
}

export function dataBlock(target: LookupTarget, label: string): string {
  return target.service === 'secretsmanager'
    ? `data "aws_secretsmanager_secret_version" "${label}" {\n  secret_id = ${hclString(target.name)}\n}`
    : `data "aws_ssm_parameter" "${label}" {\n  name = ${hclString(target.name)}\n}`;
}

export function dataExpression(target: LookupTarget, label: string): string {
  const attribute = `data.${dataType(target)}.${label}.${target.service === 'secretsmanager' ? 'secret_string' : 'value'}`;
  const key = jsonKeyOf(target);
  return key === undefined ? attribute : `jsondecode(${attribute})[${hclString(key)}]`;
}

/** The label of a data source of this type that already reads this name, else a free label. */
export function findOrNameDataSource(text: string, target: LookupTarget): { label: string; exists: boolean } {
  const scan = scanSource(text, 'hcl');
  const type = dataType(target);
  const attribute = target.service === 'secretsmanager' ? 'secret_id' : 'name';
  const labels = new Set<string>();
  const pattern = new RegExp(`\\bdata\\s+"${type}"\\s+"([\\w-]+)"\\s*\\{([^}]*)\\}`, 'g');
  for (const m of text.matchAll(pattern)) {
    if (scan.code[m.index ?? 0] === ' ') continue;
    labels.add(m[1] ?? '');
    const body = m[2] ?? '';
    const value = new RegExp(`\\b${attribute}\\s*=\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(body);
    if (value && value[1] === hclString(target.name)) return { label: m[1] ?? '', exists: true };
  }
  const base = dataLabel(target);
  let label = base;
  for (let n = 2; labels.has(label); n++) label = `${base}_${n}`;
  return { label, exists: false };
}

export const terraformSnippetGenerator: SnippetGenerator = {
  id: 'terraform',
  label: 'Terraform (data source)',
  generate(context) {
    const { target } = context;
    const found = context.documentText ? findOrNameDataSource(context.documentText, target) : { label: dataLabel(target), exists: false };
    const label = tabStop(1, found.label);
    const value = tabStop(2, valueName(target, 'snake'));
    const attribute = target.service === 'secretsmanager' ? 'secret_string' : 'value';
    const key = jsonKeyOf(target);
    const reference = snippet`data.${dataType(target)}.${label}.${attribute}`;
    const expression = key === undefined ? reference : snippet`jsondecode(`.concat(reference, `)[${hclString(key)}]`);
    const declaration = found.exists
      ? snippet``
      : target.service === 'secretsmanager'
        ? snippet`data "aws_secretsmanager_secret_version" "${label}" {\n\tsecret_id = ${hclString(target.name)}\n}\n\n`
        : snippet`data "aws_ssm_parameter" "${label}" {\n\tname = ${hclString(target.name)}\n}\n\n`;
    return {
      body: declaration.concat(snippet`locals {\n\t${value} = `, expression, '\n}'),
      importLines: [],
      importEdits: () => [],
    };
  },
};

/** Where a new data block goes: at the end of the file, after a blank line. */
export function appendBlock(text: string, block: string, eol: string): { offset: number; text: string } {
  const body = block.replace(/\n/g, eol);
  if (text.length === 0) return { offset: 0, text: body + eol };
  const lead = text.endsWith('\n') ? eol : eol + eol;
  return { offset: text.length, text: lead + body + eol };
}
