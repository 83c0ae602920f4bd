/**
 * Java, AWS SDK for Java 2.x. JSON keys are read with Jackson (`com.fasterxml.jackson.databind`), the
 * usual choice: the SDK's own JSON classes are internal API, and Java has none built in.
 *
 * Quick fix: private static helper methods added once to the top-level class around the literal
 * (a private static method is callable from every static, instance, nested and anonymous context of
 * that class, which a new top-level class would not be without clashing across files). A value is
 * fetched once (a client in try-with-resources) and kept in a nested holder class, `AwsValues`, which
 * Java initialises on first use — so no static field order can run a lookup before the cache exists.
 */
import { detectEol, formatBlock, indentationAt, lineStartAt } from '../edits';
import { javaImports, renderAtAnchor } from '../imports';
import { scanSource } from '../lexer';
import { outermostTypeBlock } from '../context';
import { snippet, tabStop } from '../snippetSyntax';
import { javaString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { jsonKeyOf, valueName, type CodeFixer, type SnippetGenerator } from './common';

const SDK = 'software.amazon.awssdk';
const JACKSON = [
  'com.fasterxml.jackson.core.JsonProcessingException',
  'com.fasterxml.jackson.databind.JsonNode',
  'com.fasterxml.jackson.databind.ObjectMapper',
];

function serviceClasses(target: LookupTarget): { client: string; request: string; imports: string[] } {
  return target.service === 'secretsmanager'
    ? {
        client: 'SecretsManagerClient',
        request: 'GetSecretValueRequest',
        imports: [`${SDK}.services.secretsmanager.SecretsManagerClient`, `${SDK}.services.secretsmanager.model.GetSecretValueRequest`],
      }
    : {
        client: 'SsmClient',
        request: 'GetParameterRequest',
        imports: [`${SDK}.services.ssm.SsmClient`, `${SDK}.services.ssm.model.GetParameterRequest`],
      };
}

const isJavaType = (header: string) => /(?:^|[^.\w@])(?:class|interface|enum|record)\s+\w/.test(header);

export const javaSnippetGenerator: SnippetGenerator = {
  id: 'java',
  label: 'Java (AWS SDK for Java 2.x)',
  generate(context) {
    const { target } = context;
    const api = serviceClasses(target);
    const client = tabStop(1, target.service === 'secretsmanager' ? 'secretsManager' : 'ssm');
    const raw = tabStop(2, target.service === 'secretsmanager' ? 'secretString' : 'parameterValue');
    const key = jsonKeyOf(target);
    const region = target.region ? `\n\t\t.region(Region.of(${javaString(target.region)}))` : '';
    const request =
      target.service === 'secretsmanager'
        ? `GetSecretValueRequest.builder()\n\t\t.secretId(${javaString(target.name)})\n\t\t.build()`
        : `GetParameterRequest.builder()\n\t\t.name(${javaString(target.name)})${target.secure ? '\n\t\t.withDecryption(true)' : ''}\n\t\t.build()`;
    const read = target.service === 'secretsmanager' ? '.secretString()' : '.parameter().value()';
    let body = snippet`${api.client} ${client} = ${api.client}.builder()${region}\n\t\t.build();\n`;
    if (key === undefined) {
      body = body.concat(
        snippet`String ${tabStop(2, valueName(target, 'camel'))} = ${client}.${target.service === 'secretsmanager' ? 'getSecretValue' : 'getParameter'}(${request})${read};`,
      );
    } else {
      body = body.concat(
        snippet`String ${raw} = ${client}.${target.service === 'secretsmanager' ? 'getSecretValue' : 'getParameter'}(${request})${read};\n`,
        snippet`// readTree throws JsonProcessingException\nString ${tabStop(3, valueName(target, 'camel'))} = new ObjectMapper().readTree(${raw}).get(${javaString(key)}).asText();`,
      );
    }
    const imports = [
      ...(target.region ? [`${SDK}.regions.Region`] : []),
      ...api.imports,
      ...(key === undefined ? [] : ['com.fasterxml.jackson.databind.ObjectMapper']),
    ];
    return {
      body,
      importLines: imports.map((c) => `import ${c};`),
      importEdits: () => {
        const text = context.documentText;
        const { lines, anchor } = javaImports(scanSource(text, 'java').code, text, imports);
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};

export const javaFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' + '),
  expression(context) {
    const { text, target, scan, edits, eol, indentUnit } = context;
    const type = outermostTypeBlock(scan.code, context.site.start, isJavaType);
    if (!type) return { error: 'No enclosing class was found to hold the lookup helper.' };
    const key = jsonKeyOf(target);
    const api = serviceClasses(target);
    const { lines, anchor } = javaImports(scan.code, text, [
      'java.util.Map',
      'java.util.concurrent.ConcurrentHashMap',
      `${SDK}.regions.Region`,
      ...api.imports,
      ...(key === undefined ? [] : JACKSON),
    ]);
    edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));

    const names =
      target.service === 'secretsmanager'
        ? { value: 'secretsManagerValue', field: 'secretsManagerJsonField' }
        : { value: 'parameterStoreValue', field: 'parameterStoreJsonField' };
    const body = scan.code.slice(type.open, type.close);
    const has = (name: string) => new RegExp(`\\bstatic\\s+String\\s+${name}\\s*\\(`).test(body);
    const helpers: string[] = [];
    if (!/\bclass\s+AwsValues\b/.test(body)) helpers.push(VALUES_HOLDER);
    if (!has(names.value)) helpers.push(target.service === 'secretsmanager' ? SECRETS_MANAGER_HELPER : PARAMETER_STORE_HELPER);
    if (key !== undefined) {
      if (!has(names.field)) helpers.push(target.service === 'secretsmanager' ? SECRETS_MANAGER_JSON_HELPER : PARAMETER_STORE_JSON_HELPER);
      if (!has('awsJsonField')) helpers.push(JSON_FIELD_HELPER);
    }
    if (helpers.length > 0)
      insertIntoType(
        context,
        type,
        helpers.map((h) => formatBlock(h, indentUnit, eol, indentationAt(text, type.open) + indentUnit)),
        eol,
      );
    const region = target.region ? javaString(target.region) : 'null';
    const call =
      key === undefined ? `${names.value}(${javaString(target.name)}, ${region})` : `${names.field}(${javaString(target.name)}, ${javaString(key)}, ${region})`;
    return { expression: call, primary: true };
  },
};

/** Adds members before the type's closing brace (after the constants of an enum, adding `;` if needed). */
function insertIntoType(
  context: { text: string; scan: { code: string }; edits: { insert(o: number, t: string): void } },
  type: { open: number; close: number; header: string },
  members: string[],
  eol: string,
): void {
  const { text, scan } = context;
  let last = type.close - 1;
  while (last > type.open && /\s/.test(scan.code[last] ?? '')) last--;
  let prefix = '';
  if (/\benum\s/.test(type.header) && !hasTopLevelSemicolon(scan.code, type.open, type.close)) prefix = ';';
  const closingOnOwnLine = /^\s*$/.test(text.slice(lineStartAt(text, type.close), type.close));
  const at = last + 1;
  const lead = at === type.open + 1 ? eol : eol + eol;
  const trail = closingOnOwnLine ? '' : eol;
  context.edits.insert(at, prefix + lead + members.join(eol + eol) + trail);
}

function hasTopLevelSemicolon(code: string, open: number, close: number): boolean {
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    const ch = code[j];
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (ch === ';' && depth === 0) return true;
  }
  return false;
}

/**
 * The secrets and parameters already read, so each is fetched once however many of its keys are used.
 * A nested class is initialised on first use, so no static field order can leave it null.
 */
const VALUES_HOLDER = `/** Secrets and parameters already read from AWS, by service, region and name. */
static final class AwsValues {
\tstatic final Map<String, String> CACHE = new ConcurrentHashMap<>();
}`;

const SECRETS_MANAGER_HELPER = `/** Reads a secret from AWS Secrets Manager, once; a null region means the SDK's default region chain. */
private static String secretsManagerValue(String secretId, String region) {
\treturn AwsValues.CACHE.computeIfAbsent("secretsmanager|" + region + "|" + secretId, cacheKey -> {
\t\ttry (SecretsManagerClient client = region == null
\t\t\t\t? SecretsManagerClient.create()
\t\t\t\t: SecretsManagerClient.builder().region(Region.of(region)).build()) {
\t\t\treturn client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
\t\t}
\t});
}`;

const SECRETS_MANAGER_JSON_HELPER = `/** Reads one field of a JSON secret from AWS Secrets Manager. */
private static String secretsManagerJsonField(String secretId, String jsonKey, String region) {
\treturn awsJsonField(secretsManagerValue(secretId, region), jsonKey, "Secret " + secretId);
}`;

const PARAMETER_STORE_HELPER = `/** Reads a parameter (decrypted) from Parameter Store, once; a null region means the SDK's default region chain. */
private static String parameterStoreValue(String name, String region) {
\treturn AwsValues.CACHE.computeIfAbsent("ssm|" + region + "|" + name, cacheKey -> {
\t\ttry (SsmClient client = region == null
\t\t\t\t? SsmClient.create()
\t\t\t\t: SsmClient.builder().region(Region.of(region)).build()) {
\t\t\treturn client.getParameter(GetParameterRequest.builder().name(name).withDecryption(true).build()).parameter().value();
\t\t}
\t});
}`;

const PARAMETER_STORE_JSON_HELPER = `/** Reads one field of a JSON parameter value from Parameter Store. */
private static String parameterStoreJsonField(String name, String jsonKey, String region) {
\treturn awsJsonField(parameterStoreValue(name, region), jsonKey, "Parameter " + name);
}`;

const JSON_FIELD_HELPER = `/** The field {@code key} of the JSON object {@code json}, as text. */
private static String awsJsonField(String json, String key, String source) {
\ttry {
\t\tJsonNode field = new ObjectMapper().readTree(json).get(key);
\t\tif (field == null) {
\t\t\tthrow new IllegalStateException(source + " has no key " + key);
\t\t}
\t\treturn field.isTextual() ? field.asText() : field.toString();
\t} catch (JsonProcessingException e) {
\t\tthrow new IllegalStateException(source + " is not JSON", e);
\t}
}`;
