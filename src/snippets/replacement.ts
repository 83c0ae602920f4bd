/**
 * "Move to Secrets Manager / Parameter Store" (and "use existing"): the one edit that replaces a
 * hard-coded literal with a lookup, adding imports, a client and a helper where the file lacks them.
 * Pure: it never sees the secret's value, only where the literal is and what it should read.
 */
import { enclosingBlocks } from './context';
import { EditCollector, detectEol, detectIndentUnit } from './edits';
import { documentKind, type DocumentKind } from './languages';
import { scanSource, type Syntax } from './lexer';
import { isWholeUnquotedValue, locateLiteral, quotedTokensOnLine } from './literal';
import { jsString, yamlString } from './stringLiteral';
import type { LiteralReplacement, LiteralReplacementRequest } from './types';
import { accessFollows, describeTarget, type CodeFixer, type FixContext } from './generators/common';
import { dynamicReference, isJsonDocument } from './generators/cloudformation';
import { configFileReplacement } from './generators/configFiles';
import { csharpFixer } from './generators/csharp';
import { goFixer } from './generators/go';
import { javaFixer } from './generators/java';
import { javascriptFixer } from './generators/javascript';
import { phpFixer } from './generators/php';
import { powershellFixer } from './generators/powershell';
import { pythonFixer } from './generators/python';
import { rubyFixer } from './generators/ruby';
import { shellFixer } from './generators/shell';
import { appendBlock, dataBlock, dataExpression, findOrNameDataSource } from './generators/terraform';

interface CodeLanguage {
  syntax: Syntax;
  fixer: CodeFixer;
  /** Indentation when the file shows none. */
  indent: string;
}

const CODE: Partial<Record<DocumentKind, CodeLanguage>> = {
  typescript: { syntax: 'js', fixer: javascriptFixer(true), indent: '  ' },
  'javascript-esm': { syntax: 'js', fixer: javascriptFixer(false), indent: '  ' },
  'javascript-cjs': { syntax: 'js', fixer: javascriptFixer(false), indent: '  ' },
  python: { syntax: 'python', fixer: pythonFixer, indent: '    ' },
  go: { syntax: 'go', fixer: goFixer, indent: '\t' },
  java: { syntax: 'java', fixer: javaFixer, indent: '    ' },
  csharp: { syntax: 'csharp', fixer: csharpFixer, indent: '    ' },
  ruby: { syntax: 'ruby', fixer: rubyFixer, indent: '  ' },
  php: { syntax: 'php', fixer: phpFixer, indent: '    ' },
  shell: { syntax: 'shell', fixer: shellFixer, indent: '  ' },
  powershell: { syntax: 'powershell', fixer: powershellFixer, indent: '    ' },
};

/** The lexer syntax of a document kind that is code (Terraform files lex as HCL), for other modules that read its literals. */
export function codeSyntax(kind: DocumentKind): Syntax | undefined {
  if (kind === 'terraform' || kind === 'tfvars') return 'hcl';
  return kind === 'rust' ? 'rust' : CODE[kind]?.syntax;
}

export function literalReplacement(request: LiteralReplacementRequest): LiteralReplacement {
  const { documentText: text, replaceStart, replaceEnd, target } = request;
  if (!(0 <= replaceStart && replaceStart <= replaceEnd && replaceEnd <= text.length))
    return { ok: false, reason: 'The literal\u2019s range is outside the document.' };
  if (!target.name) return { ok: false, reason: 'No secret or parameter name was given.' };
  const kind = documentKind(request.languageId, request.fileName, text);
  switch (kind) {
    case undefined:
      return { ok: false, reason: `No lookup is known for ${request.languageId || 'this kind of'} files.` };
    case 'rust':
      return {
        ok: false,
        reason: 'The AWS SDK for Rust is async-only, so a literal cannot be swapped for an expression: use "Insert retrieval snippet" instead.',
      };
    case 'cloudformation':
      return cloudFormationReplacement(request);
    case 'terraform':
      return terraformReplacement(request);
    case 'yaml':
    case 'json':
    case 'jsonc':
    case 'dotenv':
    case 'properties':
    case 'dockerfile':
    case 'tfvars':
      return configFileReplacement(kind, text, replaceStart, replaceEnd, target);
  }
  const language = CODE[kind];
  if (!language) return { ok: false, reason: `No lookup is known for ${kind} files.` };
  return codeReplacement(request, language);
}

function codeReplacement(request: LiteralReplacementRequest, language: CodeLanguage): LiteralReplacement {
  const { documentText: text, target } = request;
  const scan = scanSource(text, language.syntax);
  const site = locateLiteral(scan.strings, request.replaceStart, request.replaceEnd);
  const context: FixContext = {
    text,
    fileName: request.fileName,
    target,
    scan,
    site: { start: site.start, end: site.end },
    ...(site.partialOf ? { partialOf: site.partialOf } : {}),
    eol: detectEol(text),
    indentUnit: detectIndentUnit(text, language.indent),
    edits: new EditCollector(),
    notes: [],
    ...(request.moduleSystem ? { moduleSystem: request.moduleSystem } : {}),
  };
  const outcome = language.fixer.expression(context);
  if ('error' in outcome) return { ok: false, reason: outcome.error };

  const token = site.partialOf;
  if (token && !outcome.inPlace) {
    // Split the literal around the lookup: "postgres://app:" + lookup + "@db/app".
    const open = text.slice(token.start, token.contentStart);
    const close = text.slice(token.contentEnd, token.end);
    const before = text.slice(token.contentStart, site.start);
    const after = text.slice(site.end, token.contentEnd);
    const pieces = [before ? open + before + close : '', outcome.expression, after ? open + after + close : ''].filter(Boolean);
    let joined = language.fixer.concat(pieces);
    if (pieces.length > 1 && accessFollows(text, token.end)) joined = `(${joined})`;
    context.edits.replace(token.start, token.end, joined);
  } else {
    context.edits.replace(site.start, site.end, outcome.expression);
  }
  return {
    ok: true,
    edits: context.edits.result(),
    description: `Replace the literal with a lookup of the ${describeTarget(target)}`,
    notes: context.notes,
  };
}

function cloudFormationReplacement(request: LiteralReplacementRequest): LiteralReplacement {
  const { documentText: text, replaceStart: start, replaceEnd: end, target } = request;
  const result = dynamicReference(target);
  if ('error' in result) return { ok: false, reason: result.error };
  const json = isJsonDocument(request.languageId, request.fileName, text);
  const tokens = json ? scanSource(text, 'js').strings : quotedTokensOnLine(text, start);
  const site = locateLiteral(tokens, start, end);
  const edits = new EditCollector();
  const ref = result.reference;
  if (site.partialOf) {
    const quote = text[site.partialOf.contentStart - 1];
    edits.replace(site.start, site.end, quote === "'" ? ref.replace(/'/g, "''") : jsString(ref).slice(1, -1));
  } else if (site.start !== start || site.end !== end || json || isWholeUnquotedValue(text, start, end)) {
    edits.replace(site.start, site.end, json ? jsString(ref) : yamlString(ref));
  } else {
    edits.replace(start, end, ref); // inside a longer plain YAML scalar
  }
  const notes = ['CloudFormation resolves the reference in the stack\u2019s region and account; use the ARN for another region.'];
  if (target.service === 'ssm' && target.secure) notes.push('ssm-secure references work only in the resource properties that support them.');
  return { ok: true, edits: edits.result(), description: `Replace the value with a dynamic reference to the ${describeTarget(target)}`, notes };
}

function terraformReplacement(request: LiteralReplacementRequest): LiteralReplacement {
  const { documentText: text, target } = request;
  const scan = scanSource(text, 'hcl');
  const site = locateLiteral(scan.strings, request.replaceStart, request.replaceEnd);
  // Labels are blanked in `scan.code`, so a variable block's header reads `variable` + spaces.
  if (enclosingBlocks(scan.code, site.start).some((b) => /(?:^|\s)variable\s/.test(b.header))) {
    return {
      ok: false,
      reason: 'A Terraform variable default must be a literal: replace the value where the variable is set (a .tfvars file or a module argument) instead.',
    };
  }
  const eol = detectEol(text);
  const edits = new EditCollector();
  const { label, exists } = findOrNameDataSource(text, target);
  const expression = dataExpression(target, label);
  if (site.partialOf) edits.replace(site.start, site.end, `\${${expression}}`);
  else edits.replace(site.start, site.end, expression);
  if (!exists) {
    const block = appendBlock(text, dataBlock(target, label), eol);
    edits.insert(block.offset, block.text);
  }
  const notes = ['Terraform stores the fetched value in its state file: keep the state encrypted and access-controlled.'];
  if (target.region) notes.push(`The data source reads the AWS provider's region; configure a provider for ${target.region} if it differs.`);
  return { ok: true, edits: edits.result(), description: `Replace the literal with a data source lookup of the ${describeTarget(target)}`, notes };
}
