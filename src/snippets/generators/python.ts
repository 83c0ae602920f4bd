/**
 * Python with boto3. boto3 is synchronous, so both modes are plain expressions.
 *
 * Snippet: a client, `get_secret_value(...)["SecretString"]`, `json.loads(...)[key]` for a JSON key.
 *
 * Quick fix: a module-level client per file and region (`secretsmanager = boto3.client(...)`) and one
 * helper per service, `secrets_manager_value(client, secret_id, json_key=None)`, which fetches each
 * secret once per client however many of its keys the file reads (a key pair is one fetch).
 */
import { detectEol, formatBlock, lineEndAt } from '../edits';
import { regionSuffix } from '../identifiers';
import { declarationAnchor, pythonImports, renderAtAnchor } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { pythonString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { freeName, jsonKeyOf, valueName, type CodeFixer, type FixContext, type SnippetGenerator } from './common';

const CLIENT_NAME: Record<LookupTarget['service'], string> = { secretsmanager: 'secretsmanager', ssm: 'ssm' };

function clientCall(target: LookupTarget): string {
  const region = target.region ? `, region_name=${pythonString(target.region)}` : '';
  return `boto3.client(${pythonString(target.service)}${region})`;
}

/** The call and the subscript that reads the string value. */
function fetchCall(target: LookupTarget, decrypt: boolean): { call: string; read: string } {
  if (target.service === 'secretsmanager') return { call: `get_secret_value(SecretId=${pythonString(target.name)})`, read: '["SecretString"]' };
  return { call: `get_parameter(Name=${pythonString(target.name)}${decrypt ? ', WithDecryption=True' : ''})`, read: '["Parameter"]["Value"]' };
}

function modulesFor(target: LookupTarget): string[] {
  return jsonKeyOf(target) === undefined ? ['boto3'] : ['boto3', 'json'];
}

export const pythonSnippetGenerator: SnippetGenerator = {
  id: 'python',
  label: 'Python (boto3)',
  generate(context) {
    const { target } = context;
    const client = tabStop(1, CLIENT_NAME[target.service]);
    const response = tabStop(2, 'response');
    const value = tabStop(3, valueName(target, 'snake'));
    const { call, read } = fetchCall(target, target.service === 'ssm' && target.secure === true);
    const key = jsonKeyOf(target);
    const body = snippet`${client} = ${clientCall(target)}\n${response} = ${client}.${call}\n`.concat(
      key === undefined ? snippet`${value} = ${response}${read}` : snippet`${value} = json.loads(${response}${read})[${pythonString(key)}]`,
    );
    return {
      body,
      importLines: modulesFor(target).map((m) => `import ${m}`),
      importEdits: () => {
        const text = context.documentText;
        const { lines, anchor } = pythonImports(scanSource(text, 'python').code, modulesFor(target));
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};

/** The per-service helper the quick fix calls: fetches each secret or parameter once per client, however many keys the file reads. */
function helperFor(service: LookupTarget['service']): { name: string; source: string } {
  const sm = service === 'secretsmanager';
  const [name, cache, id] = sm ? ['secrets_manager_value', '_secrets_manager_cache', 'secret_id'] : ['parameter_store_value', '_parameter_store_cache', 'name'];
  const summary = sm
    ? 'A secret from AWS Secrets Manager, fetched once per client and id; json_key picks one field of a JSON secret.'
    : 'A parameter (decrypted) from AWS Systems Manager Parameter Store, fetched once per client and name; json_key picks one field of a JSON value.';
  const fetch = sm
    ? 'client.get_secret_value(SecretId=secret_id)["SecretString"]'
    : 'client.get_parameter(Name=name, WithDecryption=True)["Parameter"]["Value"]';
  return {
    name,
    source: `${cache} = {}


def ${name}(client, ${id}, json_key=None):
\t"""${summary}"""
\tcache_key = (id(client), ${id})
\tif cache_key not in ${cache}:
\t\t${cache}[cache_key] = ${fetch}
\tvalue = ${cache}[cache_key]
\tif json_key is None:
\t\treturn value
\tfield = json.loads(value)[json_key]
\treturn field if isinstance(field, str) else json.dumps(field)`,
  };
}

const OUR_HELPERS = /^(?:_(?:secrets_manager|parameter_store)_cache = \{\}|def (?:secrets_manager_value|parameter_store_value)\()/gm;
const OUR_CLIENTS = /^[A-Za-z_]\w*[ \t]*=[ \t]*boto3\.client\(/gm;

export const pythonFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' + '),
  expression(context) {
    const { text, target, scan, edits, eol, indentUnit } = context;
    const { lines, anchor } = pythonImports(scan.code, ['boto3', 'json']);
    const helper = helperFor(target.service);
    const helperSource = formatBlock(helper.source, indentUnit, eol);
    const needsHelper = !new RegExp(`^def ${helper.name}\\(`, 'm').test(scan.code);
    const declarations: string[] = [];
    let client = existingClient(text, scan.code, target);
    if (client === undefined) {
      client = freeName(scan.code, CLIENT_NAME[target.service], `_${regionSuffix(target.region, 'snake')}`);
      declarations.push(`${client} = ${clientCall(target)}`);
    }
    const helpersEnd = lastBlockEnd(scan.code, OUR_HELPERS);
    const clientsAt = declarationAnchor(scan.code, anchor, OUR_CLIENTS);
    // PEP 8: two blank lines around a top-level function.
    const helperBlock = eol + helperSource + eol;
    if (clientsAt.offset === anchor.offset) {
      const withHelper = needsHelper && helpersEnd === undefined ? [...declarations, helperBlock] : declarations;
      edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, withHelper, eol));
    } else {
      edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
      // Clients sit together: one line each, no blank line between them.
      const afterClients = declarations.map((d) => eol + d).join('') + (needsHelper && helpersEnd === undefined ? eol + eol + helperBlock : '');
      if (afterClients) edits.insert(clientsAt.offset, afterClients);
    }
    if (needsHelper && helpersEnd !== undefined) edits.insert(helpersEnd, eol + eol + eol + helperSource);
    const key = jsonKeyOf(target);
    const args = [client, pythonString(target.name), ...(key === undefined ? [] : [pythonString(key)])];
    // A bytes literal stays bytes: the text fetched is encoded back to the same UTF-8 bytes.
    const bytes = /b/i.test(literalPrefix(context));
    return { expression: `${helper.name}(${args.join(', ')})${bytes ? '.encode()' : ''}`, primary: true };
  },
};

/** The prefix letters (r, b, f, u) of the literal being replaced. */
function literalPrefix(context: FixContext): string {
  const token = context.partialOf ?? context.scan.strings.find((s) => s.start === context.site.start);
  return token ? context.text.slice(token.start, token.contentStart).replace(/['"]+$/, '') : '';
}

/** End of the last top-level block that starts with a match of `starts` (a def ends before the next line at column 0). */
function lastBlockEnd(code: string, starts: RegExp): number | undefined {
  let end: number | undefined;
  for (const m of code.matchAll(starts)) {
    let at = lineEndAt(code, m.index ?? 0);
    for (;;) {
      const next = at + 1;
      if (next >= code.length) break;
      const lineEnd = lineEndAt(code, next);
      const line = code.slice(next, lineEnd);
      if (/^\S/.test(line)) break;
      if (/\S/.test(line)) at = lineEnd;
      else if (lineEnd >= code.length) break;
      else {
        // a blank line: part of the block only if an indented line follows
        let k = lineEnd + 1;
        while (k < code.length && /^\s*$/.test(code.slice(k, lineEndAt(code, k))) && lineEndAt(code, k) < code.length) k = lineEndAt(code, k) + 1;
        if (k >= code.length || /^\S/.test(code.slice(k, lineEndAt(code, k)))) break;
        at = lineEnd;
      }
    }
    if (end === undefined || at > end) end = at;
  }
  return end;
}

function existingClient(text: string, code: string, target: LookupTarget): string | undefined {
  const pattern =
    /^([A-Za-z_]\w*)[ \t]*=[ \t]*boto3\.client\([ \t]*(["'])(secretsmanager|ssm)\2[ \t]*(?:,[ \t]*region_name[ \t]*=[ \t]*(["'])([\w-]*)\4[ \t]*)?\)/gm;
  for (const m of text.matchAll(pattern)) {
    if (code[m.index ?? 0] === ' ') continue;
    if (m[3] === target.service && (m[5] || undefined) === (target.region || undefined)) return m[1];
  }
  return undefined;
}
