/**
 * Config formats that cannot run code (.env, YAML, properties, Dockerfile, .tfvars, JSON with
 * comments): the value is removed and a comment above its line names where it now lives and gives the
 * AWS CLI command that prints it. Plain JSON has no comments, so there the value becomes a marker
 * string, `"<stored in AWS Secrets Manager: NAME, key KEY, region R>"`: visibly not a secret, and in the
 * `<…>` placeholder shape that secret scanners (ours included) skip.
 */
import { ITEM_NOUNS } from '../../aws/items';
import { awsCliCommand } from '../awsCli';
import { EditCollector, detectEol, indentationAt, lineStartAt } from '../edits';
import { scanSource } from '../lexer';
import { isWholeUnquotedValue, locateLiteral, quotedTokensOnLine } from '../literal';
import { commentQuote, jsString } from '../stringLiteral';
import type { LiteralReplacement, LookupTarget } from '../types';
import { describeTarget, jsonKeyOf, serviceTitle } from './common';

export type ConfigFormat = 'yaml' | 'json' | 'jsonc' | 'dotenv' | 'properties' | 'dockerfile' | 'tfvars';

/** What a whole value becomes once removed. */
const EMPTY_VALUE: Record<ConfigFormat, string> = {
  yaml: '""',
  json: '""',
  jsonc: '""',
  dotenv: '',
  properties: '',
  dockerfile: '""',
  tfvars: '""',
};

const FORMAT_TITLE: Record<ConfigFormat, string> = {
  yaml: 'YAML',
  json: 'JSON',
  jsonc: 'JSON with comments',
  dotenv: '.env',
  properties: 'properties',
  dockerfile: 'Dockerfile',
  tfvars: 'Terraform variables',
};

export function configFileReplacement(format: ConfigFormat, text: string, start: number, end: number, target: LookupTarget): LiteralReplacement {
  const eol = detectEol(text);
  const edits = new EditCollector();
  const json = format === 'json' || format === 'jsonc';
  const tokens = json ? scanSource(text, 'js').strings : quotedTokensOnLine(text, start);
  const site = locateLiteral(tokens, start, end);
  const whole = site.partialOf === undefined && (site.start !== start || site.end !== end || json || isWholeUnquotedValue(text, start, end));

  if (format === 'json') {
    const marker = jsString(
      `<stored in ${serviceTitle(target)}: ${target.name}${jsonKeyOf(target) === undefined ? '' : `, key ${target.jsonKey}`}${target.region ? `, region ${target.region}` : ''}>`,
    );
    edits.replace(site.start, site.end, whole ? marker : marker.slice(1, -1));
    return {
      ok: true,
      edits: edits.result(),
      description: `Replace the value with a note naming ${describeTarget(target)}`,
      notes: ['JSON has no comments: the value is now a "<stored in …>" marker string; load the real value at run time.'],
    };
  }

  edits.replace(site.start, site.end, whole ? EMPTY_VALUE[format] : '');
  const commentPrefix = format === 'jsonc' ? '//' : '#';
  const indent = indentationAt(text, start);
  const decrypt = target.service === 'ssm';
  const region = target.region ? ` (region ${target.region})` : '';
  const lines = [
    `${commentPrefix} Stored in ${serviceTitle(target)}: ${ITEM_NOUNS[target.service]} ${commentQuote(target.name)}${jsonKeyOf(target) === undefined ? '' : `, key ${commentQuote(target.jsonKey ?? '')}`}${region}.`,
    `${commentPrefix} Load it with: ${awsCliCommand(target, { decrypt })}`,
  ];
  edits.insert(lineStartAt(text, start), lines.map((line) => indent + line + eol).join(''));
  return {
    ok: true,
    edits: edits.result(),
    description: `Remove the value and note where it is stored (${describeTarget(target)})`,
    notes: [`${FORMAT_TITLE[format]} cannot fetch the value itself: load it at run time (the comment shows how).`],
  };
}
