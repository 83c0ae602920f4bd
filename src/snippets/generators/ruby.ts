/**
 * Ruby, AWS SDK for Ruby v3 (gems aws-sdk-secretsmanager / aws-sdk-ssm).
 *
 * Quick fix: the client is a top-level CONSTANT, not a local variable: a top-level local is invisible
 * inside `def` and class bodies, while a constant resolves everywhere in the file. The literal becomes
 * `SecretsManagerLookup.value(CLIENT, "name", "key")`: a small module per service that fetches each
 * secret once per client, however many of its keys the file reads.
 */
import { detectEol, formatBlock } from '../edits';
import { regionSuffix } from '../identifiers';
import { declarationAnchor, renderAtAnchor, rubyRequires } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { rubyString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { freeName, jsonKeyOf, valueName, type CodeFixer, type SnippetGenerator } from './common';

function api(target: LookupTarget) {
  return target.service === 'secretsmanager'
    ? { gem: 'aws-sdk-secretsmanager', clientClass: 'Aws::SecretsManager::Client', constant: 'SECRETS_MANAGER', local: 'secrets_manager' }
    : { gem: 'aws-sdk-ssm', clientClass: 'Aws::SSM::Client', constant: 'SSM_CLIENT', local: 'ssm' };
}

function newClient(target: LookupTarget): string {
  return `${api(target).clientClass}.new${target.region ? `(region: ${rubyString(target.region)})` : ''}`;
}

function fetch(target: LookupTarget, decrypt: boolean): string {
  return target.service === 'secretsmanager'
    ? `get_secret_value(secret_id: ${rubyString(target.name)}).secret_string`
    : `get_parameter(name: ${rubyString(target.name)}${decrypt ? ', with_decryption: true' : ''}).parameter.value`;
}

function libraries(target: LookupTarget): string[] {
  return jsonKeyOf(target) === undefined ? [api(target).gem] : [api(target).gem, 'json'];
}

export const rubySnippetGenerator: SnippetGenerator = {
  id: 'ruby',
  label: 'Ruby (AWS SDK for Ruby v3)',
  generate(context) {
    const { target } = context;
    const client = tabStop(1, api(target).local);
    const key = jsonKeyOf(target);
    const value = tabStop(2, valueName(target, 'snake'));
    const lookup = snippet`${client}.${fetch(target, target.service === 'ssm' && target.secure === true)}`;
    const body = snippet`${client} = ${newClient(target)}\n${value} = `.concat(
      key === undefined ? lookup : snippet`JSON.parse(`.concat(lookup, `).fetch(${rubyString(key)})`),
    );
    return {
      body,
      importLines: libraries(target).map((l) => `require ${rubyString(l)}`),
      importEdits: () => {
        const text = context.documentText;
        const scan = scanSource(text, 'ruby');
        const { lines, anchor } = rubyRequires(scan.code, text, scan.strings, libraries(target));
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};

/** One module per service: fetches each secret or parameter once per client, however many of its keys the file reads. */
function helperFor(service: LookupTarget['service']): { module: string; source: string } {
  const sm = service === 'secretsmanager';
  const [module, id] = sm ? ['SecretsManagerLookup', 'secret_id'] : ['ParameterStoreLookup', 'name'];
  const what = sm ? 'secrets from AWS Secrets Manager' : 'parameters (decrypted) from AWS Systems Manager Parameter Store';
  const fetch = sm ? 'client.get_secret_value(secret_id: secret_id).secret_string' : 'client.get_parameter(name: name, with_decryption: true).parameter.value';
  return {
    module,
    source: `# Reads ${what}, each once per client however many of its keys are used.
module ${module}
\t@values = {}

\tdef self.value(client, ${id}, json_key = nil)
\t\ttext = (@values[[client.object_id, ${id}]] ||= ${fetch})
\t\tjson_key.nil? ? text : JSON.parse(text).fetch(json_key)
\tend
end`,
  };
}

const OUR_CLIENTS = /^[A-Z][A-Z0-9_]*[ \t]*=[ \t]*Aws::(?:SecretsManager|SSM)::Client\.new\b/gm;
const OUR_HELPERS = /^module (?:SecretsManagerLookup|ParameterStoreLookup)\b/gm;

export const rubyFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' + '),
  expression(context) {
    const { text, target, scan, edits, eol, indentUnit } = context;
    const { lines, anchor } = rubyRequires(scan.code, text, scan.strings, [api(target).gem, 'json']);
    const helper = helperFor(target.service);
    const needsHelper = !new RegExp(`^module ${helper.module}\\b`, 'm').test(scan.code);
    const helperSource = formatBlock(helper.source, indentUnit, eol);
    const declarations: string[] = [];
    let client = existingClient(text, scan.code, target);
    if (client === undefined) {
      client = freeName(scan.code, api(target).constant, `_${regionSuffix(target.region, 'upperSnake')}`);
      declarations.push(`${client} = ${newClient(target)}`);
    }
    const helpersEnd = lastModuleEnd(scan.code);
    const declarationsAt = declarationAnchor(scan.code, anchor, OUR_CLIENTS);
    if (declarationsAt.offset === anchor.offset) {
      edits.insert(
        anchor.offset,
        renderAtAnchor(anchor, text, lines, needsHelper && helpersEnd === undefined ? [...declarations, helperSource] : declarations, eol),
      );
    } else {
      edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
      const afterClients = declarations.map((d) => eol + d).join('') + (needsHelper && helpersEnd === undefined ? eol + eol + helperSource : '');
      if (afterClients) edits.insert(declarationsAt.offset, afterClients);
    }
    if (needsHelper && helpersEnd !== undefined) edits.insert(helpersEnd, eol + eol + helperSource);
    const key = jsonKeyOf(target);
    const args = [client, rubyString(target.name), ...(key === undefined ? [] : [rubyString(key)])];
    return { expression: `${helper.module}.value(${args.join(', ')})`, primary: true };
  },
};

/** End of the last of our lookup modules (its `end` line), if the file has one. */
function lastModuleEnd(code: string): number | undefined {
  let end: number | undefined;
  for (const m of code.matchAll(OUR_HELPERS)) {
    const close = /^end\b/m.exec(code.slice(m.index ?? 0));
    if (close) end = Math.max(end ?? 0, (m.index ?? 0) + close.index + 3);
  }
  return end;
}

function existingClient(text: string, code: string, target: LookupTarget): string | undefined {
  const cls = api(target).clientClass.replace(/:/g, '\\:');
  const pattern = new RegExp(`^([A-Z][A-Z0-9_]*)[ \\t]*=[ \\t]*${cls}\\.new(?:\\([ \\t]*(?:region:[ \\t]*(["'])([\\w-]*)\\2)?[ \\t]*\\))?[ \\t]*$`, 'gm');
  for (const m of text.matchAll(pattern)) {
    if (code[m.index ?? 0] === ' ') continue;
    if ((m[3] || undefined) === (target.region || undefined)) return m[1];
  }
  return undefined;
}
