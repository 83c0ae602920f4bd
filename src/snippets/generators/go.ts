/**
 * Go, AWS SDK for Go v2.
 *
 * Snippet: statements for a function body (`config.LoadDefaultConfig`, `NewFromConfig`, the call,
 * `aws.ToString`), errors handled with `log.Fatalf` for the user to adapt.
 *
 * Quick fix: a literal is an expression and Go has no expression-level error handling, so the fix
 * calls a helper appended once per file — `secretsManagerValue(secretID, jsonKey, region string) string`
 * — which fetches each secret once (`awsValues`, a sync.Map), needs no `context.Context` from the
 * caller and panics on failure (a missing secret is a
 * deployment error; package-level `var`s initialised this way fail fast at start-up). A `const`
 * declaration cannot hold a call, so a single-line `const` becomes `var`; a literal inside a
 * `const ( … )` block is refused with a reason rather than rewriting the block.
 */
import { detectEol, formatBlock, lineStartAt } from '../edits';
import { goImports } from '../imports';
import { scanSource } from '../lexer';
import { snippet, tabStop } from '../snippetSyntax';
import { goString } from '../stringLiteral';
import type { LookupTarget } from '../types';
import { jsonKeyOf, valueName, type CodeFixer, type SnippetGenerator } from './common';

const SDK = 'github.com/aws/aws-sdk-go-v2';

function servicePackage(target: LookupTarget): { path: string; name: string } {
  return target.service === 'secretsmanager' ? { path: `${SDK}/service/secretsmanager`, name: 'secretsmanager' } : { path: `${SDK}/service/ssm`, name: 'ssm' };
}

function snippetImports(target: LookupTarget): string[] {
  const paths = ['context', 'log', `${SDK}/aws`, `${SDK}/config`, servicePackage(target).path];
  if (jsonKeyOf(target) !== undefined) paths.splice(1, 0, 'encoding/json');
  return paths;
}

export const goSnippetGenerator: SnippetGenerator = {
  id: 'go',
  label: 'Go (AWS SDK for Go v2)',
  generate(context) {
    const { target } = context;
    const pkg = servicePackage(target);
    const cfg = tabStop(1, 'cfg');
    const client = tabStop(2, 'client');
    const out = tabStop(3, 'out');
    const value = tabStop(4, valueName(target, 'camel'));
    const regionOption = target.region ? `, config.WithRegion(${goString(target.region)})` : '';
    const input =
      target.service === 'secretsmanager'
        ? `&secretsmanager.GetSecretValueInput{\n\tSecretId: aws.String(${goString(target.name)}),\n}`
        : target.secure
          ? `&ssm.GetParameterInput{\n\tName:           aws.String(${goString(target.name)}),\n\tWithDecryption: aws.Bool(true),\n}`
          : `&ssm.GetParameterInput{\n\tName: aws.String(${goString(target.name)}),\n}`;
    const method = target.service === 'secretsmanager' ? 'GetSecretValue' : 'GetParameter';
    const raw = target.service === 'secretsmanager' ? '.SecretString' : '.Parameter.Value';
    let body = snippet`${cfg}, err := config.LoadDefaultConfig(context.TODO()${regionOption})
if err != nil {
\tlog.Fatalf("load AWS config: %v", err)
}
${client} := ${pkg.name}.NewFromConfig(${cfg})
${out}, err := ${client}.${method}(context.TODO(), ${input})
if err != nil {
\tlog.Fatalf("${target.service === 'secretsmanager' ? 'get secret' : 'get parameter'}: %v", err)
}
`;
    const key = jsonKeyOf(target);
    if (key === undefined) {
      body = body.concat(snippet`${value} := aws.ToString(${out}${raw})`);
    } else {
      const fields = tabStop(5, 'fields');
      body = body.concat(snippet`var ${fields} map[string]any
if err := json.Unmarshal([]byte(aws.ToString(${out}${raw})), &${fields}); err != nil {
\tlog.Fatalf("decode JSON: %v", err)
}
${value}, _ := ${fields}[${goString(key)}].(string)`);
    }
    const paths = snippetImports(target);
    return {
      body,
      importLines: [
        'import (',
        ...paths.filter((p) => !p.includes('.')).map((p) => `\t${JSON.stringify(p)}`),
        '',
        ...paths.filter((p) => p.includes('.')).map((p) => `\t${JSON.stringify(p)}`),
        ')',
      ],
      importEdits: () => {
        const text = context.documentText;
        const scan = scanSource(text, 'go');
        const edit = goImports(scan.code, text, scan.strings, paths, detectEol(text));
        return edit ? [{ start: edit.offset, end: edit.offset, newText: edit.text }] : [];
      },
    };
  },
};

export const goFixer: CodeFixer = {
  concat: (pieces) => pieces.join(' + '),
  expression(context) {
    const { text, target, scan, edits, eol, indentUnit } = context;
    const constFix = constToVar(scan.code, context.site.start);
    if (constFix === 'block') {
      return { error: 'The literal is inside a const ( … ) block, and a constant cannot hold a function call: move it to a var declaration first.' };
    }
    if (constFix !== undefined) edits.replace(constFix, constFix + 'const'.length, 'var');

    const pkg = servicePackage(target);
    const importEdit = goImports(scan.code, text, scan.strings, ['context', 'encoding/json', 'fmt', 'sync', `${SDK}/aws`, `${SDK}/config`, pkg.path], eol);
    if (importEdit) edits.insert(importEdit.offset, importEdit.text);

    const helperName = target.service === 'secretsmanager' ? 'secretsManagerValue' : 'parameterStoreValue';
    const helpers: string[] = [];
    if (!/\bvar\s+awsValues\b/.test(scan.code)) helpers.push(VALUES_CACHE);
    if (!new RegExp(`\\bfunc\\s+${helperName}\\s*\\(`).test(scan.code))
      helpers.push(target.service === 'secretsmanager' ? SECRETS_MANAGER_HELPER : PARAMETER_STORE_HELPER);
    if (!/\bfunc\s+awsJSONField\s*\(/.test(scan.code)) helpers.push(JSON_FIELD_HELPER);
    if (helpers.length > 0) {
      const lead = text.length === 0 || text.endsWith('\n') ? eol : eol + eol;
      edits.insert(text.length, lead + helpers.map((h) => formatBlock(h, indentUnit, eol)).join(eol + eol) + eol);
    }
    const args = [goString(target.name), goString(jsonKeyOf(target) ?? ''), goString(target.region ?? '')];
    return { expression: `${helperName}(${args.join(', ')})`, primary: true };
  },
};

/**
 * Offset of `const` when the literal is in a one-line `const name = …` declaration; 'block' when it is
 * inside `const ( … )`; undefined otherwise.
 */
function constToVar(code: string, offset: number): number | 'block' | undefined {
  const lineStart = lineStartAt(code, offset);
  const single = /^[ \t]*const\b/.exec(code.slice(lineStart, offset));
  if (single) return lineStart + single[0].length - 'const'.length;
  for (const m of code.slice(0, offset).matchAll(/\bconst\s*\(/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    let depth = 0;
    let close = code.length;
    for (let j = open; j < code.length; j++) {
      if (code[j] === '(') depth++;
      else if (code[j] === ')' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (open < offset && offset < close) return 'block';
  }
  return undefined;
}

const VALUES_CACHE = `// awsValues holds the secrets and parameters already read, so each is fetched once however many of its
// keys the program uses.
var awsValues sync.Map`;

const SECRETS_MANAGER_HELPER = `// secretsManagerValue reads a secret from AWS Secrets Manager (once; later calls use awsValues); a
// non-empty jsonKey picks one field of a JSON secret and an empty region means the default chain
// (AWS_REGION, profile). It panics on failure: call it where configuration is loaded.
func secretsManagerValue(secretID, jsonKey, region string) string {
\tcacheKey := "secretsmanager|" + region + "|" + secretID
\tif cached, ok := awsValues.Load(cacheKey); ok {
\t\treturn awsJSONField(cached.(string), jsonKey, "secret "+secretID)
\t}
\tctx := context.Background()
\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
\tif err != nil {
\t\tpanic(fmt.Errorf("load AWS config: %w", err))
\t}
\tout, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
\t\tSecretId: aws.String(secretID),
\t})
\tif err != nil {
\t\tpanic(fmt.Errorf("get secret %s: %w", secretID, err))
\t}
\tvalue := aws.ToString(out.SecretString)
\tawsValues.Store(cacheKey, value)
\treturn awsJSONField(value, jsonKey, "secret "+secretID)
}`;

const PARAMETER_STORE_HELPER = `// parameterStoreValue reads a parameter (decrypted) from AWS Systems Manager Parameter Store (once;
// later calls use awsValues); a non-empty jsonKey picks one field of a JSON value and an empty region
// means the default chain. It panics on failure: call it where configuration is loaded.
func parameterStoreValue(name, jsonKey, region string) string {
\tcacheKey := "ssm|" + region + "|" + name
\tif cached, ok := awsValues.Load(cacheKey); ok {
\t\treturn awsJSONField(cached.(string), jsonKey, "parameter "+name)
\t}
\tctx := context.Background()
\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
\tif err != nil {
\t\tpanic(fmt.Errorf("load AWS config: %w", err))
\t}
\tout, err := ssm.NewFromConfig(cfg).GetParameter(ctx, &ssm.GetParameterInput{
\t\tName:           aws.String(name),
\t\tWithDecryption: aws.Bool(true),
\t})
\tif err != nil {
\t\tpanic(fmt.Errorf("get parameter %s: %w", name, err))
\t}
\tvalue := aws.ToString(out.Parameter.Value)
\tawsValues.Store(cacheKey, value)
\treturn awsJSONField(value, jsonKey, "parameter "+name)
}`;

const JSON_FIELD_HELPER = `// awsJSONField returns value itself when key is empty, else the field key of the JSON object in value.
func awsJSONField(value, key, source string) string {
\tif key == "" {
\t\treturn value
\t}
\tvar fields map[string]any
\tif err := json.Unmarshal([]byte(value), &fields); err != nil {
\t\tpanic(fmt.Errorf("%s is not a JSON object: %w", source, err))
\t}
\tfield, ok := fields[key]
\tif !ok {
\t\tpanic(fmt.Errorf("%s has no key %q", source, key))
\t}
\tif text, isText := field.(string); isText {
\t\treturn text
\t}
\tencoded, _ := json.Marshal(field)
\treturn string(encoded)
}`;
