/**
 * The decoded value of a literal is what the language's own runtime makes of it: each case below is
 * evaluated by the real interpreter or parser where it is installed (Python, Node, Go, Ruby, PHP,
 * Java, bash, PyYAML, tomllib, ElementTree, java.util.Properties, terraform console) and compared,
 * as UTF-8 bytes, with `literalValue()` on the same source. A tool that is missing skips its
 * language (CI installs them: .ci/run). And every encoder in stringLiteral.ts round-trips through
 * the decoder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanSource, type Syntax } from '../../../src/snippets/lexer';
import { literalValue } from '../../../src/snippets/literalValue';
import * as encoders from '../../../src/snippets/stringLiteral';
import { hasTool, python } from '../../fixtures/snippets/harness/syntaxCheck';

/** Parses HCL with HashiCorp's HCL library (see the script). */
const HCL_CHECK = path.join(__dirname, '..', '..', 'fixtures', 'snippets', 'harness', 'hclCheck.mjs');

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/** The value literalValue gives for the secret at `secret` (default: the whole first string literal). */
function decoded(file: string, text: string, syntax?: Syntax, secret?: string): string {
  let start: number;
  let end: number;
  if (secret !== undefined) {
    start = text.indexOf(secret);
    end = start + secret.length;
  } else {
    const token = [...scanSource(text, syntax ?? 'js').strings].sort((a, b) => a.start - b.start)[0];
    start = token.contentStart;
    end = token.contentEnd;
  }
  const result = literalValue({ languageId: '', fileName: file, documentText: text, start, end });
  assert.ok(result.ok, `${file}: ${JSON.stringify(text)}: ${result.ok ? '' : result.reason}`);
  return result.value;
}

/** Runs a program in a temp folder; its stdout, one line per case. */
function run(file: string, source: string, command: string, args: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'literal-value-'));
  try {
    const full = path.join(dir, file);
    writeFileSync(full, source);
    const r = spawnSync(
      command,
      args.map((a) => a.replaceAll('{file}', full)),
      { encoding: 'utf8', cwd: dir, timeout: 300_000, env: { ...process.env, GO111MODULE: 'off', GOCACHE: path.join(dir, 'gocache') } },
    );
    assert.equal(r.status, 0, `${command} ${file}:\n${r.stdout}${r.stderr}\n--- source ---\n${source}`);
    return r.stdout.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compare(language: string, expected: string[], actual: string[], sources: readonly string[]): void {
  assert.equal(actual.length, expected.length, `${language}: one line per case`);
  expected.forEach((e, i) => assert.equal(actual[i], e, `${language} case ${i}: ${JSON.stringify(sources[i])}`));
}

describe('decoded literals match what each runtime evaluates', () => {
  it('Python (python3)', (t) => {
    if (!hasTool('python3')) return t.skip('python3 is not installed');
    const cases = [
      String.raw`'a\'b\\c\x41\101\u00e9\U0001F511'`,
      String.raw`"keep\qunknown"`,
      String.raw`r"raw\n\"q"`,
      String.raw`"\777\0\a\v"`,
      String.raw`f"S3cret{{x}}"`,
      '"""multi\r\nline"""',
      "'''tri\rple'''",
      '"cont\\\ninued"',
      '"abc" \\\n    "def"',
      '("abc"\n     r"\\def"  # a comment between\n  "ghi")',
      '"abc" + "def"',
      '("pre" +\n "post")',
    ];
    const bytes = [String.raw`b"ab\xc3\xa9\n"`, String.raw`Rb"\x41"`, String.raw`b"\u0041"`];
    const expected = [...cases, ...bytes].map((c) => hex(decoded('a.py', `P = ${c}\n`, 'python')));
    const program = [...cases.map((c) => `P = ${c}\nprint(P.encode("utf-8").hex())`), ...bytes.map((c) => `P = ${c}\nprint(P.hex())`)].join('\n');
    compare('Python', expected, run('check.py', program + '\n', python()!, ['-W', 'ignore', '{file}']), [...cases, ...bytes]);
  });

  it('JavaScript (this Node, sloppy mode for Annex B escapes)', () => {
    const cases = [
      String.raw`'a\'\b\f\n\r\t\v\0\x41\u{1F511}\q'`,
      String.raw`"\101\8\377"`,
      String.raw`"\uD83D\uDE00\u2028"`,
      '"cont\\\ninued"',
      '"cont\\\u2028inued"',
      '`tmpl\\`$ok\r\nline\rend`',
      'String.raw`a\\nb\r\nc`',
      '"pre" + "post"',
      "'pre' +\n  // a comment\n  'post'",
    ];
    for (const c of cases) {
      const value = decoded('a.js', `var p = ${c};\n`, 'js');
      assert.equal(value, new Function(`return ${c};`)(), c);
    }
  });

  it('JSON (JSON.parse)', () => {
    for (const c of [String.raw`"\"\\\/\b\f\n\r\t\u00e9\ud83d\udd11"`, '"plain"', String.raw`"\u0041\u0000"`]) {
      assert.equal(decoded('a.json', `{"p": ${c}}`, 'js', c.slice(1, -1)), (JSON.parse(`{"p": ${c}}`) as { p: string }).p, c);
    }
  });

  it('Go (go run)', (t) => {
    if (!hasTool('go')) return t.skip('go is not installed');
    const cases = [String.raw`"a\a\b\f\n\r\t\v\\\"\101\x41\u00e9\U0001F511"`, String.raw`"\xc3\xa9\303\251"`, '`raw\\n\r\nline\rx`', '"pre" +\n\t\t"post"'];
    const expected = cases.map((c) => hex(decoded('a.go', `var p = ${c}\n`, 'go')));
    const program = `package main\n\nimport (\n\t"encoding/hex"\n\t"fmt"\n)\n\nfunc main() {\n${cases.map((c) => `\tfmt.Println(hex.EncodeToString([]byte(${c})))`).join('\n')}\n}\n`;
    compare('Go', expected, run('check.go', program, 'go', ['run', '{file}']), cases);
  });

  it('Ruby (ruby)', (t) => {
    if (!hasTool('ruby')) return t.skip('ruby is not installed');
    const cases = [
      String.raw`'a\'b\\c\n'`,
      String.raw`"a\n\t\s\e\101\x41\u00e9\u{1F511 41}\q\0"`,
      String.raw`"\303\251\xc3\xa9"`,
      '"S3cret#b#"',
      '"abc" "def"',
      '"abc" \\\n  \'def\'',
      '"multi\r\nline"',
      "'single\r\nline'",
      '"cont\\\ninued"',
      '"pre" +\n  "post"',
    ];
    const expected = cases.map((c) => hex(decoded('a.rb', `p = ${c}\n`, 'ruby')));
    const program = cases.map((c) => `p = ${c}\nputs p.b.unpack1("H*")`).join('\n');
    compare('Ruby', expected, run('check.rb', program + '\n', 'ruby', ['{file}']), cases);
  });

  it('PHP (php)', (t) => {
    if (!hasTool('php')) return t.skip('php is not installed');
    const cases = [
      String.raw`'a\'b\\c\n'`,
      String.raw`"a\n\t\v\e\f\$\"\\\101\x41\u{e9}\q\400"`,
      '"S3cret$"',
      '"multi\r\nline"',
      '<<<EOT\n    Abc\\tdef"\\"\n      ghi\\$x\n    EOT',
      "<<<'EOT'\nAbc\\tdef\r\nEOT",
      '<<<"EOT"\nquoted label\nEOT',
      "'pre' . 'post'",
      '\'pre\' .\n  "post"',
    ];
    const expected = cases.map((c) => hex(decoded('a.php', `<?php\n$p = ${c};\n`, 'php')));
    const program = `<?php\n${cases.map((c) => `$p = ${c};\necho bin2hex($p), "\\n";`).join('\n')}\n`;
    compare('PHP', expected, run('check.php', program, 'php', ['{file}']), cases);
  });

  it('Java (java, single-file source)', (t) => {
    if (!hasTool('java')) return t.skip('java is not installed');
    const cases = [
      String.raw`"a\b\t\n\f\r\s\"\'\\\0\101\377"`,
      String.raw`"\u0041\uu00e9\u005cn"`,
      String.raw`"\\u0041"`,
      '"""\n    Abc\\tdef  \n      ghi\\s\n    """',
      '"""\r\n    one \\\r\n    two\r\n      three"""',
      '"""\n        deeper\n    lines\n        """',
      '"pre" +\n    "post"',
    ];
    const expected = cases.map((c) => hex(decoded('A.java', `class A { String p = ${c}; }\n`, 'java')));
    const body = cases.map((c) => `        System.out.println(hex((${c}).getBytes(java.nio.charset.StandardCharsets.UTF_8)));`).join('\n');
    const program = `public class Check {\n    static String hex(byte[] b) { StringBuilder s = new StringBuilder(); for (byte x : b) s.append(String.format("%02x", x)); return s.toString(); }\n    public static void main(String[] args) {\n${body}\n    }\n}\n`;
    compare('Java', expected, run('Check.java', program, 'java', ['-Dfile.encoding=UTF-8', '{file}']), cases);
  });

  it('bash', (t) => {
    if (!hasTool('bash')) return t.skip('bash is not installed');
    const cases: [string, string?][] = [
      [String.raw`'a\nb"c'`],
      [String.raw`"a\$b\"c\\d\e\`x"`],
      ['"cont\\\ninued"'],
      [String.raw`$'a\n\x41\u00e9\'\101'`],
      [String.raw`abc\$def\ g`, String.raw`abc\$def\ g`],
      [`"abc"'$def'`],
    ];
    const expected = cases.map(([c, secret]) => hex(decoded('a.sh', `P=${c}\n`, 'shell', secret)));
    const program = cases.map(([c]) => `P=${c}\nprintf '%s' "$P" | od -An -v -tx1 | tr -d ' \\n'; echo`).join('\n');
    compare(
      'bash',
      expected,
      run('check.sh', program + '\n', 'bash', ['{file}']),
      cases.map(([c]) => c),
    );
  });

  it('YAML (PyYAML)', (t) => {
    if (!hasTool('python3-yaml')) return t.skip('PyYAML is not installed');
    const docs: [string, string][] = [
      ['p: plain value # comment\n', 'plain value'],
      ['p: "a\\tb\\x41\\u00e9\\U0001F511\\N\\_\\"\\\\\\/"\n', 'a\\tb\\x41\\u00e9\\U0001F511\\N\\_\\"\\\\\\/'],
      ["p: 'it''s'\n", "it''s"],
      ['p: |\n  -----BEGIN KEY-----\n  MIIabc\n  -----END KEY-----\n', '-----BEGIN KEY-----\n  MIIabc\n  -----END KEY-----'],
      ['p: >\n  folded\n  lines\n\n  para\n', 'folded\n  lines\n\n  para'],
      ['p: "multi\n  line\\\n  joined"\n', 'multi\n  line\\\n  joined'],
      ['p: plain\n  continued\n', 'plain\n  continued'],
    ];
    const expected = docs.map(([doc, secret]) => hex(decoded('a.yaml', doc, undefined, secret)));
    const program = ['import yaml', ...docs.map(([doc]) => `print(yaml.safe_load(${JSON.stringify(doc)})["p"].encode("utf-8").hex())`)].join('\n');
    compare(
      'YAML',
      expected,
      run('check.py', program + '\n', python()!, ['{file}']),
      docs.map(([d]) => d),
    );
  });

  it('TOML (Python tomllib)', (t) => {
    if (!hasTool('python3')) return t.skip('python3 is not installed');
    // tomllib is in the standard library from Python 3.11, which Debian 12 has.
    assert.equal(spawnSync(python()!, ['-c', 'import tomllib']).status, 0, 'Python 3.11 or later (tomllib)');
    const cases = [String.raw`"a\tb\u00e9\U0001F511\"\\"`, String.raw`'C:\raw'`, '"""\nfirst line\\\n    trimmed"""', "'''\nliteral\\n'''"];
    const expected = cases.map((c) => hex(decoded('a.toml', `p = ${c}\n`, 'python')));
    const program = ['import tomllib', ...cases.map((c) => `print(tomllib.loads(${JSON.stringify(`p = ${c}\n`)})["p"].encode("utf-8").hex())`)].join('\n');
    compare('TOML', expected, run('check.py', program + '\n', python()!, ['{file}']), cases);
  });

  it('XML (Python ElementTree)', (t) => {
    if (!hasTool('python3')) return t.skip('python3 is not installed');
    const docs: [string, string, string][] = [
      ['<a value="a&amp;b&lt;&#65;&#x42;&quot;&apos;"/>', 'a&amp;b&lt;&#65;&#x42;&quot;&apos;', 'root.get("value")'],
      ['<a value="tab\there&#10;nl\r\nx"/>', 'tab\there&#10;nl\r\nx', 'root.get("value")'],
      ['<a>S3cret&amp;Pass&#x1F511;</a>', 'S3cret&amp;Pass&#x1F511;', 'root.text'],
      ['<a><![CDATA[a&amp;b]]></a>', 'a&amp;b', 'root.text'],
    ];
    const expected = docs.map(([doc, secret]) => hex(decoded('a.xml', doc, undefined, secret)));
    const program = [
      'import xml.etree.ElementTree as ET',
      ...docs.map(([doc, , read]) => `root = ET.fromstring(${JSON.stringify(doc)}.encode("utf-8"))\nprint(${read}.encode("utf-8").hex())`),
    ].join('\n');
    compare(
      'XML',
      expected,
      run('check.py', program + '\n', python()!, ['{file}']),
      docs.map(([d]) => d),
    );
  });

  it('properties (java.util.Properties.load)', (t) => {
    if (!hasTool('java')) return t.skip('java is not installed');
    const docs = [String.raw`p = a\tb\:c\=d\\e\u00e9\q`, 'p=abc\\\n    def\\\r\n  ghi', 'p:   spaced value', 'p value after space'];
    const expected = docs.map((doc) => hex(decoded('a.properties', doc, undefined, doc.replace(/^p\s*[=:\s]\s*/, ''))));
    const body = docs
      .map(
        (doc) =>
          `        p = new java.util.Properties(); p.load(new java.io.StringReader(${JSON.stringify(doc)})); System.out.println(hex(p.getProperty("p").getBytes(java.nio.charset.StandardCharsets.UTF_8)));`,
      )
      .join('\n');
    const program = `public class Check {\n    static String hex(byte[] b) { StringBuilder s = new StringBuilder(); for (byte x : b) s.append(String.format("%02x", x)); return s.toString(); }\n    public static void main(String[] args) throws Exception {\n        java.util.Properties p;\n${body}\n    }\n}\n`;
    compare('properties', expected, run('Check.java', program, 'java', ['{file}']), docs);
  });

  it("HCL (HashiCorp's HCL parser)", () => {
    // `$${` and `%%{` are written out: in a JS template literal `${` would be a hole.
    const cases = ['"a\\n\\"\\\\\\u00e9$' + '${x}%%{y}\\U0001F511"', '<<EOT\nAbc\\n\n  def\nEOT\n', '<<-EOT\n    Abc\n      def\n    EOT\n'];
    const expected = cases.map((c) => decoded('main.tf', `locals {\n  p = ${c}\n}\n`, 'hcl'));
    const source = `locals {\n${cases.map((c, i) => `  c${i} = ${c}`).join('\n')}\n}\n`;
    const dir = mkdtempSync(path.join(tmpdir(), 'literal-value-tf-'));
    try {
      writeFileSync(path.join(dir, 'main.tf'), source);
      const r = spawnSync(process.execPath, [HCL_CHECK, '--json', path.join(dir, 'main.tf')], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const [{ locals }] = JSON.parse(r.stdout) as { locals: Record<string, string>[] }[];
      // HCL's JSON form keeps a template's `$${` and `%%{` escapes (HCL native syntax spec, "Template Literals"): undo them to get the value.
      const values = cases.map((_, i) => locals[0][`c${i}`].replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
      assert.deepEqual(values, expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every encoder round-trips through the decoder', () => {
  // Text a secret may hold: any Unicode, quotes, backslashes, `$`, `#`, `{`, line breaks — but no
  // lone surrogates (no secret store keeps them) and no NUL where the language cannot hold it.
  const text = fc
    .string({ unit: 'grapheme', maxLength: 24 })
    .filter((s) => s.length > 0 && !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));
  const forms: [string, (s: string) => string, (literal: string) => string][] = [
    ['a.ts', encoders.jsString, (l) => `const p = ${l};\n`],
    ['a.json', encoders.jsString, (l) => `{"p": ${l}}\n`],
    ['a.py', encoders.pythonString, (l) => `P = ${l}\n`],
    ['a.go', encoders.goString, (l) => `var p = ${l}\n`],
    ['A.java', encoders.javaString, (l) => `class A { String p = ${l}; }\n`],
    ['a.cs', encoders.csharpString, (l) => `var p = ${l};\n`],
    ['a.rb', encoders.rubyString, (l) => `p = ${l}\n`],
    ['a.php', encoders.phpString, (l) => `<?php\n$p = ${l};\n`],
    ['a.rs', encoders.rustString, (l) => `let p = ${l};\n`],
    ['main.tf', encoders.hclString, (l) => `locals {\n  p = ${l}\n}\n`],
    ['a.yaml', encoders.yamlString, (l) => `p: ${l}\n`],
    ['a.ps1', encoders.powershellString, (l) => `$p = ${l}\n`],
  ];
  for (const [file, encode, document] of forms) {
    it(`${file}`, () => {
      fc.assert(
        fc.property(text, (s) => {
          if (file === 'a.ps1' && /[^\P{C}]|[\p{Z}]/u.test(s.replace(/ /g, ''))) return; // [char] concatenations: an expression, not one literal
          const literal = encode(s);
          const doc = document(literal);
          const at = doc.indexOf(literal);
          const open = /^[$@]*['"]/.exec(literal)?.[0].length ?? 1;
          const result = literalValue({ languageId: '', fileName: file, documentText: doc, start: at + open, end: at + literal.length - 1 });
          assert.ok(result.ok, `${JSON.stringify(s)} → ${literal}: ${result.ok ? '' : result.reason}`);
          assert.equal(result.value, s, literal);
        }),
        { numRuns: Number(process.env.SNIPPET_PROPERTY_RUNS ?? 150), seed: 11 },
      );
    });
  }
});
