/**
 * Python with boto3. boto3 is synchronous, so both modes are plain expressions: a module-level client
 * per file and region (`secretsmanager = boto3.client("secretsmanager", region_name=...)`) and
 * `get_secret_value(...)["SecretString"]`, wrapped in `json.loads(...)[key]` for a JSON key.
 */
import { detectEol } from '../edits';
import { regionSuffix } from '../identifiers';
import { declarationAnchor, pythonImports, renderAtAnchor } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { pythonString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { freeName, jsonKeyOf, valueName, type CodeFixer, type SnippetGenerator } from './common';

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

export const pythonFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' + '),
  expression(context) {
    const { text, target, scan, edits, eol } = context;
    const { lines, anchor } = pythonImports(scan.code, modulesFor(target));
    const declarations: string[] = [];
    let client = existingClient(text, scan.code, target);
    if (client === undefined) {
      client = freeName(scan.code, CLIENT_NAME[target.service], `_${regionSuffix(target.region, 'snake')}`);
      declarations.push(`${client} = ${clientCall(target)}`);
    }
    const declarationsAt = declarationAnchor(scan.code, anchor, /^[A-Za-z_]\w*[ \t]*=[ \t]*boto3\.client\(/gm);
    if (declarationsAt.offset === anchor.offset) edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, declarations, eol));
    else {
      edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
      // Clients sit together: one line each, no blank line between them.
      edits.insert(declarationsAt.offset, declarations.map((d) => eol + d).join(''));
    }
    // Quick fixes always decrypt: WithDecryption is ignored for String parameters.
    const { call, read } = fetchCall(target, target.service === 'ssm');
    const key = jsonKeyOf(target);
    const lookup = `${client}.${call}${read}`;
    return { expression: key === undefined ? lookup : `json.loads(${lookup})[${pythonString(key)}]`, primary: true };
  },
};

function existingClient(text: string, code: string, target: LookupTarget): string | undefined {
  const pattern =
    /^([A-Za-z_]\w*)[ \t]*=[ \t]*boto3\.client\([ \t]*(["'])(secretsmanager|ssm)\2[ \t]*(?:,[ \t]*region_name[ \t]*=[ \t]*(["'])([\w-]*)\4[ \t]*)?\)/gm;
  for (const m of text.matchAll(pattern)) {
    if (code[m.index ?? 0] === ' ') continue;
    if (m[3] === target.service && (m[5] || undefined) === (target.region || undefined)) return m[1];
  }
  return undefined;
}
