/**
 * TypeScript and JavaScript (ES modules and CommonJS), AWS SDK for JavaScript v3.
 *
 * Snippet: client + `send()` + field access; `await` where the cursor may await, otherwise the same
 * code inside `.then(...)` so it stays valid in a synchronous function or a CommonJS module body.
 *
 * Quick fix: one client per file and region, plus one cached helper per service
 * (`secretsManagerValue(client, id, key?)`). Where `await` is allowed the literal becomes
 * `await secretsManagerValue(...)`; elsewhere (a CommonJS module body, a synchronous function, a class
 * field) it becomes the helper's Promise, marked with a comment, because nothing synchronous can read a
 * remote value. The helper (rather than an inline `send()`) keeps the type `string` where a string
 * literal was, so strict TypeScript still compiles, and caches the fetch.
 */
import { jsAsyncContext, isEsModule } from '../context';
import { EditCollector, detectEol, formatBlock } from '../edits';
import { isJsIdentifier, regionSuffix } from '../identifiers';
import { declarationAnchor, jsImports, renderAtAnchor, type JsImport } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop, type SnippetTemplate } from '../snippetSyntax';
import { jsString } from '../stringLiteral';
import type { LookupTarget, SnippetLanguageId } from '../types';
import {
  accessFollows,
  freeName,
  jsonKeyOf,
  nextCodeChar,
  valueName,
  type CodeFixer,
  type FixContext,
  type FixOutcome,
  type SnippetContext,
  type SnippetGenerator,
} from './common';

type Flavour = 'typescript' | 'esm' | 'cjs';

interface ServiceApi {
  module: string;
  clientClass: string;
  command: string;
  clientName: string;
  helperName: string;
}

const API: Record<LookupTarget['service'], ServiceApi> = {
  secretsmanager: {
    module: '@aws-sdk/client-secrets-manager',
    clientClass: 'SecretsManagerClient',
    command: 'GetSecretValueCommand',
    clientName: 'secretsManager',
    helperName: 'secretsManagerValue',
  },
  ssm: {
    module: '@aws-sdk/client-ssm',
    clientClass: 'SSMClient',
    command: 'GetParameterCommand',
    clientName: 'ssm',
    helperName: 'parameterStoreValue',
  },
};

function clientOptions(target: LookupTarget): string {
  return target.region ? `{ region: ${jsString(target.region)} }` : '{}';
}

/** `.key` when the key is a plain identifier, `["key"]` otherwise. */
function property(key: string): string {
  return isJsIdentifier(key) ? `.${key}` : `[${jsString(key)}]`;
}

function requestObject(target: LookupTarget): string {
  if (target.service === 'secretsmanager') return `{ SecretId: ${jsString(target.name)} }`;
  return `{ Name: ${jsString(target.name)}${target.secure ? ', WithDecryption: true' : ''} }`;
}

// ---- snippet ----------------------------------------------------------------------------------------

export function javascriptSnippetGenerator(id: SnippetLanguageId, label: string): SnippetGenerator {
  return {
    id,
    label,
    generate(context) {
      const flavour = flavourOf(id);
      const api = API[context.target.service];
      const imports: JsImport[] = [{ module: api.module, names: [api.command, api.clientClass] }];
      const style = flavour === 'cjs' ? 'cjs' : 'esm';
      return {
        body: jsSnippetBody(context, flavour),
        importLines: imports.map((i) =>
          style === 'esm'
            ? `import { ${i.names.join(', ')} } from ${jsString(i.module)};`
            : `const { ${i.names.join(', ')} } = require(${jsString(i.module)});`,
        ),
        importEdits: () => {
          const text = context.documentText;
          const scan = scanSource(text, 'js');
          const edits = new EditCollector();
          const { lines, anchor } = jsImports(text, scan.code, scan.strings, imports, style, edits);
          edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], detectEol(text)));
          return edits.result();
        },
      };
    },
  };
}

function flavourOf(id: SnippetLanguageId): Flavour {
  if (id === 'typescript') return 'typescript';
  if (id === 'javascript-cjs') return 'cjs';
  return 'esm';
}

function jsSnippetBody(context: SnippetContext, flavour: Flavour): SnippetTemplate {
  const { target } = context;
  const api = API[target.service];
  const client = tabStop(1, api.clientName);
  const response = tabStop(2, 'response');
  const value = tabStop(3, valueName(target, 'camel'));
  const raw = target.service === 'secretsmanager' ? '.SecretString' : '.Parameter?.Value';
  const key = jsonKeyOf(target);
  const canAwait = snippetCanAwait(context, flavour);
  const read = (indent: string) =>
    key === undefined
      ? snippet`${indent}const ${value} = ${response}${raw};`
      : snippet`${indent}const ${value} = JSON.parse(${response}${raw} ?? "{}")${property(key)};`;
  const create = snippet`const ${client} = new ${api.clientClass}(${clientOptions(target)});\n`;
  const send = snippet`${client}.send(new ${api.command}(${requestObject(target)}))`;
  if (canAwait) return create.concat(snippet`const ${response} = await `, send, ';\n', read(''));
  return create.concat(send, snippet`.then((${response}) => {\n`, read('\t'), '\n});');
}

function snippetCanAwait(context: SnippetContext, flavour: Flavour): boolean {
  if (context.offset === undefined || !context.documentText) return true; // the common case: inside an async function
  const scan = scanSource(context.documentText, 'js');
  const isModule = context.moduleSystem?.topLevelAwait ?? (flavour === 'typescript' ? isEsModule(context.fileName, scan.code, true) : flavour === 'esm');
  return jsAsyncContext(scan.code, context.offset, isModule).canAwait;
}

// ---- quick fix --------------------------------------------------------------------------------------

export function javascriptFixer(typescript: boolean): CodeFixer {
  return {
    concat: (pieces) => pieces.join(' + '),
    expression: (context) => jsExpression(context, typescript),
  };
}

function jsExpression(context: FixContext, typescript: boolean): FixOutcome {
  const { text, target, scan, edits, eol, indentUnit } = context;
  const api = API[target.service];
  // The project's settings win over the file's look: a `.ts` file with `export` compiles to CommonJS under "module": "commonjs".
  const esm = context.moduleSystem?.esm ?? isEsModule(context.fileName, scan.code, typescript);
  const topLevelAwait = context.moduleSystem?.topLevelAwait ?? esm;
  const style = typescript || esm ? 'esm' : 'cjs';
  const { lines, anchor } = jsImports(text, scan.code, scan.strings, [{ module: api.module, names: [api.command, api.clientClass] }], style, edits);

  const declarations: string[] = [];
  let client = existingClient(text, scan.code, api.clientClass, target.region);
  if (client === undefined) {
    client = freeName(scan.code, api.clientName, regionSuffix(target.region, 'pascal'));
    declarations.push(`const ${client} = new ${api.clientClass}(${clientOptions(target)});`);
  }
  if (!new RegExp(`\\bfunction\\s+${api.helperName}\\s*\\(`).test(scan.code)) {
    declarations.push(formatBlock(helperSource(target.service, typescript), indentUnit, eol));
  }
  const declarationsAt = declarationAnchor(scan.code, anchor, OUR_DECLARATIONS);
  if (declarationsAt.offset === anchor.offset) {
    edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, declarations, eol));
  } else {
    edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
    edits.insert(declarationsAt.offset, renderAtAnchor(declarationsAt, text, [], declarations, eol));
  }

  const key = jsonKeyOf(target);
  const call = `${api.helperName}(${client}, ${jsString(target.name)}${key === undefined ? '' : `, ${jsString(key)}`})`;
  const { canAwait, inTypeBody } = jsAsyncContext(scan.code, context.site.start, topLevelAwait);
  if (canAwait) {
    const needsParens = accessFollows(text, context.site.end) || nextCodeChar(text, context.site.end) === '`';
    return { expression: needsParens ? `(await ${call})` : `await ${call}`, primary: true };
  }
  context.notes.push(
    inTypeBody
      ? 'A class field cannot await: the field now holds a Promise<string> (the helper caches it); await it where the value is used.'
      : 'This code cannot await here (a synchronous function, or a module body that compiles to CommonJS): the value is now a Promise<string> (the helper caches it); await it where it is used.',
  );
  if (typescript) promiseAnnotation(context);
  return { expression: `${call} /* Promise<string>: await it where the value is used */`, primary: false };
}

/** `const p: string = "…"` would not compile holding a Promise: the annotation becomes `Promise<string>`. */
function promiseAnnotation(context: FixContext): void {
  const { scan, site, edits } = context;
  const before = scan.code.slice(Math.max(0, site.start - 200), site.start);
  const m = /:\s*(string)\s*=\s*$/.exec(before);
  if (!m) return;
  const at = site.start - before.length + m.index + m[0].indexOf('string');
  edits.replace(at, at + 'string'.length, 'Promise<string>');
}

/** Declarations this fixer writes, found again so new ones are added after them. */
const OUR_DECLARATIONS = /^(?:const [\w$]+ = new (?:SecretsManagerClient|SSMClient)\(|(?:async )?function (?:secretsManagerValue|parameterStoreValue)\s*\()/gm;

/** The variable holding `new Client({ region: "…" })` for this region, if the file already has one. */
function existingClient(text: string, code: string, clientClass: string, region: string | undefined): string | undefined {
  const pattern = new RegExp(
    `(?:const|let|var)\\s+([\\w$]+)\\s*=\\s*new\\s+${clientClass}\\s*\\(\\s*(?:\\{\\s*(?:region\\s*:\\s*(["'])([^"'\\\\]*)\\2\\s*,?\\s*)?\\}\\s*)?\\)`,
    'g',
  );
  for (const m of text.matchAll(pattern)) {
    if (code[m.index ?? 0] === ' ') continue; // inside a comment or string
    if ((m[3] ?? undefined) === (region || undefined)) return m[1];
  }
  return undefined;
}

/** The helper, with `\t` per indentation level; type annotations only for TypeScript. */
function helperSource(service: LookupTarget['service'], typescript: boolean): string {
  const t = (annotation: string) => (typescript ? annotation : '');
  const api = API[service];
  const cacheName = service === 'secretsmanager' ? 'secretsManagerCache' : 'parameterStoreCache';
  const idParam = service === 'secretsmanager' ? 'secretId' : 'name';
  const what = service === 'secretsmanager' ? 'Secret' : 'Parameter';
  const request = service === 'secretsmanager' ? '{ SecretId: secretId }' : '{ Name: name, WithDecryption: true }';
  const read = service === 'secretsmanager' ? 'response.SecretString' : 'response.Parameter?.Value';
  const summary =
    service === 'secretsmanager'
      ? 'Reads a secret from AWS Secrets Manager once per client; `jsonKey` picks one field of a JSON secret.'
      : 'Reads a parameter (decrypted) from Parameter Store once per client; `jsonKey` picks one field of a JSON value.';
  // JavaScript gets the types as JSDoc, so editors (and `checkJs`) still know them.
  const doc = typescript
    ? [`/** ${summary} */`]
    : [
        '/**',
        ` * ${summary}`,
        ` * @param {${api.clientClass}} client`,
        ` * @param {string} ${idParam}`,
        ' * @param {string} [jsonKey]',
        ' * @returns {Promise<string>}',
        ' */',
      ];
  return [
    typescript
      ? `const ${cacheName} = new WeakMap<${api.clientClass}, Map<string, Promise<string>>>();`
      : `/** @type {WeakMap<${api.clientClass}, Map<string, Promise<string>>>} */`,
    ...(typescript ? [] : [`const ${cacheName} = new WeakMap();`]),
    '',
    ...doc,
    `async function ${api.helperName}(client${t(`: ${api.clientClass}`)}, ${idParam}${t(': string')}, jsonKey${t('?: string')})${t(': Promise<string>')} {`,
    `\tconst cache = ${cacheName}.get(client) ?? new Map${t('<string, Promise<string>>')}();`,
    `\t${cacheName}.set(client, cache);`,
    `\tlet pending = cache.get(${idParam});`,
    '\tif (pending === undefined) {',
    `\t\tpending = client.send(new ${api.command}(${request})).then((response) => {`,
    `\t\t\tconst value = ${read};`,
    `\t\t\tif (value === undefined) throw new Error(\`${what} \${${idParam}} has no string value\`);`,
    '\t\t\treturn value;',
    '\t\t});',
    `\t\tcache.set(${idParam}, pending);`,
    `\t\tpending.catch(() => cache.delete(${idParam})); // a failed read is retried on the next call`,
    '\t}',
    '\tconst value = await pending;',
    '\tif (jsonKey === undefined) return value;',
    `\tconst field${t(': unknown')} = JSON.parse(value)[jsonKey];`,
    `\tif (field === undefined) throw new Error(\`${what} \${${idParam}} has no key \${JSON.stringify(jsonKey)}\`);`,
    "\treturn typeof field === 'string' ? field : JSON.stringify(field);",
    '}',
  ].join('\n');
}
