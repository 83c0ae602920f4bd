/**
 * C#, AWS SDK for .NET (AWSSDK.SecretsManager / AWSSDK.SimpleSystemsManagement), JSON via
 * System.Text.Json. The SDK is asynchronous only on .NET Core / .NET 5+.
 *
 * Quick fix: a `file static class SecretsManagerLookup` (C# 11 `file` scope, so two files in one
 * project never clash) appended to the file, with `ValueAsync(secretId, jsonKey, region)`, which
 * fetches each secret once (a `Lazy<Task<string>>` per name; a failure is retried). The literal
 * becomes `await SecretsManagerLookup.ValueAsync(...)` inside an async method, lambda or top-level
 * statements, and `....GetAwaiter().GetResult()` elsewhere (field initialisers, sync methods; the
 * helper uses ConfigureAwait(false) so blocking on it cannot deadlock on a synchronisation context).
 * A `const` cannot hold a call: a const field becomes `static readonly`, a const local a plain local.
 */
import { csharpAsyncContext, enclosingBlocks, classifyCsharpBlock } from '../context';
import { detectEol, formatBlock } from '../edits';
import { csharpUsings, renderAtAnchor } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { csharpString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { accessFollows, jsonKeyOf, valueName, type CodeFixer, type FixContext, type SnippetGenerator } from './common';

function api(target: LookupTarget) {
  return target.service === 'secretsmanager'
    ? { client: 'AmazonSecretsManagerClient', namespaces: ['Amazon.SecretsManager', 'Amazon.SecretsManager.Model'], helperClass: 'SecretsManagerLookup' }
    : {
        client: 'AmazonSimpleSystemsManagementClient',
        namespaces: ['Amazon.SimpleSystemsManagement', 'Amazon.SimpleSystemsManagement.Model'],
        helperClass: 'ParameterStoreLookup',
      };
}

export const csharpSnippetGenerator: SnippetGenerator = {
  id: 'csharp',
  label: 'C# (AWS SDK for .NET)',
  generate(context) {
    const { target } = context;
    const { client: clientClass, namespaces } = api(target);
    const client = tabStop(1, target.service === 'secretsmanager' ? 'secretsManager' : 'ssm');
    const response = tabStop(2, 'response');
    const value = tabStop(3, valueName(target, 'camel'));
    const key = jsonKeyOf(target);
    const regionArg = target.region ? `RegionEndpoint.GetBySystemName(${csharpString(target.region)})` : '';
    const request =
      target.service === 'secretsmanager'
        ? `GetSecretValueAsync(new GetSecretValueRequest { SecretId = ${csharpString(target.name)} })`
        : `GetParameterAsync(new GetParameterRequest { Name = ${csharpString(target.name)}${target.secure ? ', WithDecryption = true' : ''} })`;
    const canAwait =
      context.offset === undefined || !context.documentText || csharpAsyncContext(scanSource(context.documentText, 'csharp').code, context.offset).canAwait;
    const raw = target.service === 'secretsmanager' ? '.SecretString' : '.Parameter.Value';
    const body = snippet`var ${client} = new ${clientClass}(${regionArg});\n`.concat(
      canAwait ? snippet`var ${response} = await ${client}.${request};\n` : snippet`var ${response} = ${client}.${request}.GetAwaiter().GetResult();\n`,
      key === undefined
        ? snippet`var ${value} = ${response}${raw};`
        : snippet`var ${value} = JsonDocument.Parse(${response}${raw}).RootElement.GetProperty(${csharpString(key)}).GetString();`,
    );
    const usings = [...(target.region ? ['Amazon'] : []), ...namespaces, ...(key === undefined ? [] : ['System.Text.Json'])];
    return {
      body,
      importLines: usings.map((n) => `using ${n};`),
      importEdits: () => {
        const text = context.documentText;
        const { lines, anchor } = csharpUsings(scanSource(text, 'csharp').code, usings);
        const insert = renderAtAnchor(anchor, text, lines, [], detectEol(text));
        return insert ? [{ start: anchor.offset, end: anchor.offset, newText: insert }] : [];
      },
    };
  },
};

export const csharpFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' + '),
  expression(context) {
    const { text, target, scan, edits, eol, indentUnit } = context;
    const { helperClass, namespaces } = api(target);
    const { lines, anchor } = csharpUsings(scan.code, [
      'System',
      'System.Collections.Concurrent',
      'System.Text.Json',
      'System.Threading.Tasks',
      'Amazon',
      ...namespaces,
    ]);
    edits.insert(anchor.offset, renderAtAnchor(anchor, text, lines, [], eol));
    if (!new RegExp(`\\bclass\\s+${helperClass}\\b`).test(scan.code)) {
      const lead = text.length === 0 || text.endsWith('\n') ? eol : eol + eol;
      edits.insert(text.length, lead + formatBlock(lookupClass(target.service), indentUnit, eol) + eol);
    }
    rewriteConst(context);

    const key = jsonKeyOf(target);
    const args = [csharpString(target.name)];
    if (key !== undefined) args.push(csharpString(key));
    if (target.region) args.push(key === undefined ? `region: ${csharpString(target.region)}` : csharpString(target.region));
    const call = `${helperClass}.ValueAsync(${args.join(', ')})`;
    if (csharpAsyncContext(scan.code, context.site.start).canAwait) {
      const needsParens = accessFollows(text, context.site.end);
      return { expression: needsParens ? `(await ${call})` : `await ${call}`, primary: true };
    }
    return { expression: `${call}.GetAwaiter().GetResult()`, primary: true };
  },
};

/** `const string X = "…"` cannot hold a call: a field becomes `static readonly`, a local loses `const`. */
function rewriteConst(context: FixContext): void {
  const { scan, site, edits } = context;
  const statementStart = Math.max(scan.code.lastIndexOf(';', site.start), scan.code.lastIndexOf('{', site.start), scan.code.lastIndexOf('}', site.start)) + 1;
  const m = /\bconst\s+/.exec(scan.code.slice(statementStart, site.start));
  if (!m) return;
  const at = statementStart + m.index;
  const innermost = enclosingBlocks(scan.code, site.start).find((b) => classifyCsharpBlock(b.header) !== 'transparent');
  const inTypeBody = innermost !== undefined && classifyCsharpBlock(innermost.header) === 'type-body';
  edits.replace(at, at + m[0].length, inTypeBody ? 'static readonly ' : '');
}

/** The per-file lookup class: each secret or parameter fetched once (a `Lazy<Task<string>>` per region and name). */
function lookupClass(service: LookupTarget['service']): string {
  const sm = service === 'secretsmanager';
  const [cls, id, client] = sm
    ? ['SecretsManagerLookup', 'secretId', 'AmazonSecretsManagerClient']
    : ['ParameterStoreLookup', 'name', 'AmazonSimpleSystemsManagementClient'];
  const fetch = sm
    ? 'await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).ConfigureAwait(false);'
    : 'await client.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }).ConfigureAwait(false);';
  return `/// <summary>Reads ${sm ? 'secrets from AWS Secrets Manager' : 'parameters (decrypted) from AWS Systems Manager Parameter Store'} for this file, each once however many of its keys are used.</summary>
file static class ${cls}
{
\tprivate static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Values = new();

\t/// <summary>The ${sm ? "secret's string" : "parameter's value"}, or one field of it when it is JSON and <paramref name="jsonKey"/> is given.</summary>
\t/// <param name="region">Region name; null means the SDK's default (AWS_REGION, profile).</param>
\tpublic static async Task<string> ValueAsync(string ${id}, string? jsonKey = null, string? region = null)
\t{
\t\tvar cacheKey = $"{region}|{${id}}";
\t\tvar fetch = Values.GetOrAdd(cacheKey, _ => new Lazy<Task<string>>(() => FetchAsync(${id}, region)));
\t\tstring text;
\t\ttry
\t\t{
\t\t\ttext = await fetch.Value.ConfigureAwait(false);
\t\t}
\t\tcatch
\t\t{
\t\t\tValues.TryRemove(cacheKey, out _); // a failed read is retried on the next call
\t\t\tthrow;
\t\t}
\t\treturn jsonKey is null ? text : JsonField(text, jsonKey);
\t}

\tprivate static async Task<string> FetchAsync(string ${id}, string? region)
\t{
\t\tusing var client = region is null
\t\t\t? new ${client}()
\t\t\t: new ${client}(RegionEndpoint.GetBySystemName(region));
\t\tvar response = ${fetch}
\t\treturn ${sm ? 'response.SecretString' : 'response.Parameter.Value'};
\t}

\tprivate static string JsonField(string json, string key)
\t{
\t\tusing var document = JsonDocument.Parse(json);
\t\tvar field = document.RootElement.GetProperty(key);
\t\treturn field.ValueKind == JsonValueKind.String ? field.GetString()! : field.GetRawText();
\t}
}`;
}
