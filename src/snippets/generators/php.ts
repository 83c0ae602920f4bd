/**
 * PHP, AWS SDK for PHP v3 (composer package aws/aws-sdk-php).
 *
 * Quick fix: a file-scope variable is invisible inside functions and methods, and class constants and
 * property defaults cannot call anything, so the fix adds one helper function per service after the
 * `use` statements — `secrets_manager_value($secretId, $jsonKey = null, $region = null)`, guarded by
 * `function_exists` (namespaced) so a second file with the same fix cannot redeclare it — and refuses
 * literals that sit directly in a class body (a property default or constant), with a reason.
 */
import { enclosingBlocks } from '../context';
import { detectEol, formatBlock } from '../edits';
import { declarationAnchor, phpUses, renderAtAnchor } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { phpString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { jsonKeyOf, valueName, type CodeFixer, type SnippetGenerator } from './common';

function api(target: LookupTarget) {
  return target.service === 'secretsmanager'
    ? { clientClass: 'SecretsManagerClient', use: 'Aws\\SecretsManager\\SecretsManagerClient', helper: 'secrets_manager_value' }
    : { clientClass: 'SsmClient', use: 'Aws\\Ssm\\SsmClient', helper: 'parameter_store_value' };
}

function clientOptions(target: LookupTarget): string {
  return target.region ? `['region' => ${phpString(target.region)}, 'version' => 'latest']` : `['version' => 'latest']`;
}

export const phpSnippetGenerator: SnippetGenerator = {
  id: 'php',
  label: 'PHP (AWS SDK for PHP v3)',
  generate(context) {
    const { target } = context;
    const a = api(target);
    // `$` is part of the code around each tab stop, so renaming edits only the bare name.
    const client = tabStop(1, target.service === 'secretsmanager' ? 'secretsManager' : 'ssm');
    const result = tabStop(2, 'result');
    const value = tabStop(3, valueName(target, 'camel'));
    const key = jsonKeyOf(target);
    const call =
      target.service === 'secretsmanager'
        ? `getSecretValue(['SecretId' => ${phpString(target.name)}])`
        : `getParameter(['Name' => ${phpString(target.name)}${target.secure ? `, 'WithDecryption' => true` : ''}])`;
    const raw = target.service === 'secretsmanager' ? `['SecretString']` : `['Parameter']['Value']`;
    const body = snippet`$${client} = new ${a.clientClass}(${clientOptions(target)});\n$${result} = $${client}->${call};\n`.concat(
      key === undefined
        ? snippet`$${value} = $${result}${raw};`
        : snippet`$${value} = json_decode($${result}${raw}, true, 512, JSON_THROW_ON_ERROR)[${phpString(key)}];`,
    );
    return {
      body,
      importLines: [`use ${a.use};`],
      importEdits: () => {
        const text = context.documentText;
        const { lines, anchor } = phpUses(scanSource(text, 'php').code, text, [a.use]);
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};

export const phpFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' . '),
  expression(context) {
    const { text, target, scan, edits, eol, indentUnit } = context;
    const innermost = enclosingBlocks(scan.code, context.site.start)[0];
    if (innermost && /(?:^|[^\w$])(?:class|trait|interface|enum)\b/.test(innermost.header) && !/\bfunction\b/.test(innermost.header)) {
      return {
        error: 'PHP does not allow a function call in a class constant or property default: move the value into the constructor, then apply the fix there.',
      };
    }
    const a = api(target);
    const { lines, anchor } = phpUses(scan.code, text, [a.use]);
    const declarations: string[] = [];
    if (!new RegExp(`\\bfunction\\s+${a.helper}\\s*\\(`).test(scan.code)) {
      declarations.push(formatBlock(target.service === 'secretsmanager' ? SECRETS_MANAGER_HELPER : PARAMETER_STORE_HELPER, indentUnit, eol));
    }
    const declarationsAt = declarationAnchor(scan.code, anchor, /^if \(!function_exists\(/gm);
    if (declarationsAt.offset === anchor.offset) edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, declarations, eol));
    else {
      edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
      edits.insert(declarationsAt.offset, renderAtAnchor(declarationsAt, text, [], declarations, eol));
    }
    const key = jsonKeyOf(target);
    const args = [phpString(target.name)];
    if (key !== undefined || target.region) args.push(key === undefined ? 'null' : phpString(key));
    if (target.region) args.push(phpString(target.region));
    return { expression: `${a.helper}(${args.join(', ')})`, primary: true };
  },
};

const SECRETS_MANAGER_HELPER = `if (!function_exists(__NAMESPACE__ . '\\secrets_manager_value')) {
\t/**
\t * Reads a secret from AWS Secrets Manager once per request; $jsonKey picks one field of a JSON
\t * secret and a null $region means the SDK's default (AWS_REGION, profile).
\t */
\tfunction secrets_manager_value(string $secretId, ?string $jsonKey = null, ?string $region = null): string
\t{
\t\tstatic $cache = [];
\t\t$cacheKey = $region . '|' . $secretId;
\t\tif (!isset($cache[$cacheKey])) {
\t\t\t$client = new SecretsManagerClient(array_filter(['region' => $region, 'version' => 'latest']));
\t\t\t$cache[$cacheKey] = (string) $client->getSecretValue(['SecretId' => $secretId])['SecretString'];
\t\t}
\t\tif ($jsonKey === null) {
\t\t\treturn $cache[$cacheKey];
\t\t}
\t\t$fields = json_decode($cache[$cacheKey], true, 512, JSON_THROW_ON_ERROR);
\t\tif (!is_array($fields) || !array_key_exists($jsonKey, $fields)) {
\t\t\tthrow new \\RuntimeException("Secret $secretId has no key $jsonKey");
\t\t}
\t\treturn is_string($fields[$jsonKey]) ? $fields[$jsonKey] : json_encode($fields[$jsonKey]);
\t}
}`;

const PARAMETER_STORE_HELPER = `if (!function_exists(__NAMESPACE__ . '\\parameter_store_value')) {
\t/**
\t * Reads a parameter (decrypted) from Parameter Store once per request; $jsonKey picks one field of
\t * a JSON value and a null $region means the SDK's default (AWS_REGION, profile).
\t */
\tfunction parameter_store_value(string $name, ?string $jsonKey = null, ?string $region = null): string
\t{
\t\tstatic $cache = [];
\t\t$cacheKey = $region . '|' . $name;
\t\tif (!isset($cache[$cacheKey])) {
\t\t\t$client = new SsmClient(array_filter(['region' => $region, 'version' => 'latest']));
\t\t\t$result = $client->getParameter(['Name' => $name, 'WithDecryption' => true]);
\t\t\t$cache[$cacheKey] = (string) $result['Parameter']['Value'];
\t\t}
\t\tif ($jsonKey === null) {
\t\t\treturn $cache[$cacheKey];
\t\t}
\t\t$fields = json_decode($cache[$cacheKey], true, 512, JSON_THROW_ON_ERROR);
\t\tif (!is_array($fields) || !array_key_exists($jsonKey, $fields)) {
\t\t\tthrow new \\RuntimeException("Parameter $name has no key $jsonKey");
\t\t}
\t\treturn is_string($fields[$jsonKey]) ? $fields[$jsonKey] : json_encode($fields[$jsonKey]);
\t}
}`;
