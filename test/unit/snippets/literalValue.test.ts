/**
 * What "Move to Secrets Manager" stores: the value the program holds at run time, decoded from the
 * literal as its language's specification says (sections cited per block), never its source text;
 * joined literals whole; refusals with a reason where the value is not fixed or not knowable.
 * Each case: the file, its text, the secret as the detector reports it (source text, first
 * occurrence), and the exact value expected — or a refusal. literalValue-runtimes.test.ts lets the
 * real interpreters evaluate the same forms.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalValue } from '../../../src/snippets/literalValue';

type Case = [file: string, text: string, secret: string, expected: string | RegExp, replaced?: string];

function check(cases: readonly Case[], languageId = ''): void {
  for (const [file, text, secret, expected, replaced] of cases) {
    const start = text.indexOf(secret);
    assert.ok(start >= 0, `${secret} in ${text}`);
    const result = literalValue({ languageId, fileName: file, documentText: text, start, end: start + secret.length });
    const label = `${file}: ${JSON.stringify(text)} [${JSON.stringify(secret)}]`;
    if (expected instanceof RegExp) {
      assert.equal(result.ok, false, `${label} should be refused, got ${result.ok ? JSON.stringify(result.value) : ''}`);
      if (!result.ok) assert.match(result.reason, expected, label);
      continue;
    }
    assert.ok(result.ok, `${label}: ${result.ok ? '' : result.reason}`);
    assert.equal(result.value, expected, label);
    if (replaced !== undefined) assert.equal(text.slice(result.replaceStart, result.replaceEnd), replaced, `${label}: replaced range`);
  }
}

const INTERPOLATED = /computed by the program/;
const INVALID = /not valid in/;

describe('the value a literal holds at run time', () => {
  // The cases: each was stored as its source text.
  it('decodes the forms that used to be stored escapes and all', () => {
    check([
      ['a.js', String.raw`const p = "Zq8\"vLp2\\mW9xR";`, String.raw`Zq8\"vLp2\\mW9xR`, 'Zq8"vLp2\\mW9xR', String.raw`"Zq8\"vLp2\\mW9xR"`],
      ['a.py', String.raw`P = "line\nbreak"`, String.raw`line\nbreak`, 'line\nbreak'],
      ['a.cs', 'var p = @"a""b";', 'a""b', 'a"b'],
      ['a.yaml', "p: 'it''s'", "it''s", "it's"],
      ['a.ts', String.raw`const p = "\u0041bc";`, String.raw`\u0041bc`, 'Abc'],
      ['a.json', String.raw`{"p": "a\"b"}`, String.raw`a\"b`, 'a"b'],
      // .env: `\$` is where .env readers disagree: refused rather than guessed.
      ['.env', String.raw`P="a\$b"`, String.raw`a\$b`, /disagree/],
    ]);
  });

  // Python Language Reference 3.11, §2.4.1 String and Bytes literals, §2.4.2 concatenation, §2.4.3 f-strings.
  it('Python: escapes, raw, bytes, f-strings without fields, implicit concatenation', () => {
    check([
      ['a.py', String.raw`P = 'a\'b\\c\x41\101\u00e9\U0001F511'`, String.raw`a\'b\\c\x41\101\u00e9\U0001F511`, "a'b\\cAAé🔑"],
      ['a.py', String.raw`P = "keep\qunknown"`, String.raw`keep\qunknown`, 'keep\\qunknown'],
      ['a.py', String.raw`P = r"raw\n\"q"`, String.raw`raw\n\"q`, 'raw\\n\\"q'],
      ['a.py', String.raw`P = Rb"\x41"`, String.raw`\x41`, '\\x41'],
      ['a.py', String.raw`P = b"ab\xc3\xa9\n"`, String.raw`ab\xc3\xa9\n`, 'abé\n'],
      ['a.py', String.raw`P = b"\xff\xfe"`, String.raw`\xff\xfe`, /not UTF-8/],
      ['a.py', String.raw`P = b"\u0041"`, String.raw`\u0041`, '\\u0041'],
      ['a.py', 'P = f"S3cret{{x}}"', 'S3cret{{x}}', 'S3cret{x}'],
      ['a.py', 'P = f"{user}:S3cretPass@db"', 'S3cretPass', 'S3cretPass', 'S3cretPass'],
      ['a.py', 'P = f"Abc{x}Def"', 'Abc{x}Def', INTERPOLATED],
      ['a.py', 'P = rf"\\d{x}"', '\\d{x}', INTERPOLATED],
      ['a.py', 'P = """multi\r\nline"""', 'multi\r\nline', 'multi\nline'],
      ['a.py', 'P = "cont\\\ninued"', 'cont\\\ninued', 'continued'],
      ['a.py', String.raw`P = "\N{BULLET}"`, String.raw`\N{BULLET}`, /Unicode name/],
      ['a.py', String.raw`P = "\x4"`, String.raw`\x4`, INVALID],
      ['a.py', String.raw`P = "\ud800"`, String.raw`\ud800`, /surrogate/],
      // §2.4.2: adjacent literals are one value, across `\` continuations and inside brackets.
      ['a.py', 'P = "abc" \\\n    "def"', 'abc', 'abcdef', '"abc" \\\n    "def"'],
      ['a.py', 'P = ("abc"\n     r"\\def")', 'abc', 'abc\\def', '"abc"\n     r"\\def"'],
      ['a.py', 'P = "abc" + "def"', 'def', 'abcdef', '"abc" + "def"'],
      ['a.py', 'P = "abc"\nQ = "def"', 'abc', 'abc', '"abc"'],
      ['a.py', 'P = "abc" "def" % x', 'abc', 'abcdef'],
      ['a.py', 'P = ("pre" "postgres://app:S3cretPass@db")', 'S3cretPass', 'S3cretPass', 'S3cretPass'],
      ['a.py', 'P = ("ghp_abc" "defgh")', 'ghp_abc', 'ghp_abcdefgh'],
      ['a.py', 'P = ("postgres://app:S3cr" "etPass@db")', 'S3cr', /may go on/],
      ['a.py', 'P = "x" * "abc" + "def"', 'abc', /longer expression/],
      ['a.py', 'P = f"{a}" "abc"', 'abc', INTERPOLATED],
    ]);
  });

  // ECMAScript 2025 §12.9.4 String Literals, §12.9.6 Template Literal Lexical Components, §13.2.8.2 TV/TRV, Annex B.1.2.
  it('JavaScript / TypeScript: single, double and template literals', () => {
    check([
      ['a.ts', String.raw`const p = 'a\'\b\f\n\r\t\v\0\x41\u{1F511}\q';`, String.raw`a\'\b\f\n\r\t\v\0\x41\u{1F511}\q`, "a'\b\f\n\r\t\v\0A🔑q"],
      ['a.js', String.raw`var p = "\101\8";`, String.raw`\101\8`, 'A8'],
      ['a.js', String.raw`var p = "\uD83D\uDE00";`, String.raw`\uD83D\uDE00`, '😀'],
      ['a.js', String.raw`var p = "\uD83D";`, String.raw`\uD83D`, /surrogate/],
      ['a.js', String.raw`var p = "\x4g";`, String.raw`\x4g`, INVALID],
      ['a.js', 'var p = "cont\\\ninued";', 'cont\\\ninued', 'continued'],
      ['a.ts', 'const p = `tmpl\\`$ok\r\nline`;', 'tmpl\\`$ok\r\nline', 'tmpl`$ok\nline'],
      ['a.ts', 'const p = `abc${x}def`;', 'abc${x}def', INTERPOLATED],
      ['a.ts', 'const u = `postgres://${user}:S3cretPass@db`;', 'S3cretPass', 'S3cretPass', 'S3cretPass'],
      ['a.ts', 'const p = String.raw`a\\nb`;', 'a\\nb', 'a\\nb'],
      ['a.ts', 'const p = sql`abc`;', 'abc', /tagged/],
      ['a.ts', 'const p = `\\1`;', '\\1', INVALID],
      ['a.ts', 'const p = "pre" + "post";', 'pre', 'prepost', '"pre" + "post"'],
      ['a.ts', "const p = 'pre' +\n  'post' + suffix;", 'post', 'prepost', "'pre' +\n  'post'"],
      ['a.ts', 'const p = "pre" + "post".length;', 'pre', /longer expression/],
      ['a.ts', 'const u = "postgres://app:S3cretPass@" + host;', 'S3cretPass', 'S3cretPass', 'S3cretPass'],
    ]);
  });

  // RFC 8259 §7 Strings.
  it('JSON: its escapes only', () => {
    check([
      ['a.json', String.raw`{"p": "\"\\\/\b\f\n\r\t\u00e9\ud83d\udd11"}`, String.raw`\"\\\/\b\f\n\r\t\u00e9\ud83d\udd11`, '"\\/\b\f\n\r\t\u00e9🔑'],
      ['a.json', String.raw`{"p": "a\qb"}`, String.raw`a\qb`, INVALID],
      ['a.json', '{"p": "postgres://app:S3cr\\u0065tPass@db"}', 'S3cr\\u0065tPass', 'S3cretPass'],
      ['a.json', '{"p": "postgres://app:S3cr\\u0065tPass@db"}', 'S3cr\\u00', /splits? an escape|inside an escape/],
    ]);
  });

  // The Go Programming Language Specification, "String literals".
  it('Go: interpreted strings (bytes must be UTF-8) and raw strings', () => {
    check([
      [
        'a.go',
        String.raw`p := "a\a\b\f\n\r\t\v\\\"\101\x41\u00e9\U0001F511"`,
        String.raw`a\a\b\f\n\r\t\v\\\"\101\x41\u00e9\U0001F511`,
        'a\x07\b\f\n\r\t\v\\"AAé🔑',
      ],
      ['a.go', String.raw`p := "\xc3\xa9"`, String.raw`\xc3\xa9`, 'é'],
      ['a.go', String.raw`p := "\xff"`, String.raw`\xff`, /not UTF-8/],
      ['a.go', String.raw`p := "\'"`, String.raw`\'`, INVALID],
      ['a.go', String.raw`p := "\400"`, String.raw`\400`, INVALID],
      ['a.go', 'p := `raw\\n\r\nline`', 'raw\\n\r\nline', 'raw\\n\nline'],
      ['a.go', 'p := "pre" +\n\t"post"', 'pre', 'prepost'],
    ]);
  });

  // JLS (Java SE 21) §3.3 Unicode Escapes, §3.10.5 String Literals, §3.10.6 Text Blocks, §3.10.7 Escape Sequences.
  it('Java: escapes after \\u translation, and text blocks', () => {
    check([
      ['A.java', String.raw`String p = "a\b\t\n\f\r\s\"\'\\\0\101\377";`, String.raw`a\b\t\n\f\r\s\"\'\\\0\101\377`, 'a\b\t\n\f\r "\'\\\0Aÿ'],
      ['A.java', String.raw`String p = "\u0041\uu00e9";`, String.raw`\u0041\uu00e9`, 'Aé'],
      ['A.java', String.raw`String p = "\u005cn";`, String.raw`\u005cn`, '\n'],
      ['A.java', String.raw`String p = "\\u0041";`, String.raw`\\u0041`, '\\u0041'],
      ['A.java', String.raw`String p = "\q";`, String.raw`\q`, INVALID],
      [
        'A.java',
        'String p = """\n    Abc\\tdef  \n      ghi\\s\n    """;',
        'Abc\\tdef  \n      ghi\\s',
        'Abc\tdef\n  ghi \n',
        '"""\n    Abc\\tdef  \n      ghi\\s\n    """',
      ],
      // A PEM key in a text block is the block's whole value, line breaks included.
      [
        'A.java',
        'String k = """\n    -----BEGIN KEY-----\n    MIIabc\n    -----END KEY-----\n    """;',
        '-----BEGIN KEY-----\n    MIIabc\n    -----END KEY-----',
        '-----BEGIN KEY-----\nMIIabc\n-----END KEY-----\n',
      ],
      ['A.java', 'String u = """\n    postgres://app:S3cretPass@db\n    """;', 'S3cretPass', /text block/],
      ['A.java', 'String p = """\n    one \\\n    two""";', 'one \\\n    two', 'one two'],
      ['A.java', 'String p = "pre" + "post";', 'post', 'prepost'],
    ]);
  });

  // C# language specification §6.4.5.6 String literals; C# 11 raw string literals and interpolation.
  it('C#: regular, verbatim, interpolated and raw strings', () => {
    check([
      [
        'a.cs',
        String.raw`var p = "a\'\"\\\0\a\b\f\n\r\t\v\x41\x00e9\u00e9\U0001F511";`,
        String.raw`a\'\"\\\0\a\b\f\n\r\t\v\x41\x00e9\u00e9\U0001F511`,
        'a\'"\\\0\x07\b\f\n\r\t\vAéé🔑',
      ],
      ['a.cs', String.raw`var p = "\q";`, String.raw`\q`, INVALID],
      ['a.cs', 'var p = @"C:\\dir\r\nx""y";', 'C:\\dir\r\nx""y', 'C:\\dir\r\nx"y'],
      ['a.cs', 'var p = $"S3cret{{x}}";', 'S3cret{{x}}', 'S3cret{x}'],
      ['a.cs', 'var p = $"Abc{x}Def";', 'Abc{x}Def', INTERPOLATED],
      ['a.cs', 'var p = """raw "quoted" \\n""";', 'raw "quoted" \\n', 'raw "quoted" \\n'],
      ['a.cs', 'var p = """\n    line1\n      line2\n    """;', 'line1\n      line2', 'line1\n  line2'],
      ['a.cs', 'var p = $$"""{not a hole} {{x}}""";', '{not a hole} {{x}}', INTERPOLATED],
      ['a.cs', 'var p = $$"""{not a hole}""";', '{not a hole}', '{not a hole}'],
      ['a.cs', 'var p = "abc"u8;', 'abc', /bytes/],
      ['a.cs', 'var p = "pre" + "post";', 'pre', 'prepost'],
    ]);
  });

  // Ruby 3.x doc/syntax/literals.rdoc, "Strings": escapes, interpolation, adjacent literals.
  it('Ruby: single and double quotes', () => {
    check([
      ['a.rb', String.raw`p = 'a\'b\\c\n'`, String.raw`a\'b\\c\n`, "a'b\\c\\n"],
      ['a.rb', String.raw`p = "a\n\t\s\e\101\x41\u00e9\u{1F511 41}\q"`, String.raw`a\n\t\s\e\101\x41\u00e9\u{1F511 41}\q`, 'a\n\t \x1bAAé🔑Aq'],
      ['a.rb', String.raw`p = "\xff"`, String.raw`\xff`, /not UTF-8/],
      ['a.rb', 'p = "a#{x}b"', 'a#{x}b', INTERPOLATED],
      ['a.rb', 'p = "a#@x b"', 'a#@x b', INTERPOLATED],
      ['a.rb', 'p = "S3cret#b"', 'S3cret#b', 'S3cret#b'],
      ['a.rb', 'p = "abc" "def"', 'abc', 'abcdef', '"abc" "def"'],
      ['a.rb', 'p = "abc" \\\n  "def"', 'abc', 'abcdef'],
      ['a.rb', String.raw`p = "\cx"`, String.raw`\cx`, /control or meta/],
    ]);
  });

  // PHP manual, Language Reference › Types › Strings (single quoted, double quoted, heredoc, nowdoc).
  it('PHP: single, double, heredoc and nowdoc', () => {
    check([
      ['a.php', String.raw`<?php $p = 'a\'b\\c\n';`, String.raw`a\'b\\c\n`, "a'b\\c\\n"],
      ['a.php', String.raw`<?php $p = "a\n\t\$\"\\\101\x41\u{e9}\q";`, String.raw`a\n\t\$\"\\\101\x41\u{e9}\q`, 'a\n\t$"\\AAé\\q'],
      ['a.php', '<?php $p = "S3cret$user";', 'S3cret$user', INTERPOLATED],
      ['a.php', '<?php $p = "S3cret$";', 'S3cret$', 'S3cret$'],
      ['a.php', '<?php $p = "S3cret{$a}";', 'S3cret{$a}', INTERPOLATED],
      ['a.php', '<?php\n$p = <<<EOT\n    Abc\\tdef"\n      ghi\n    EOT;\n', 'Abc\\tdef"\n      ghi', 'Abc\tdef"\n  ghi'],
      ['a.php', "<?php\n$p = <<<'EOT'\nAbc\\tdef\nEOT;\n", 'Abc\\tdef', 'Abc\\tdef'],
      ['a.php', "<?php $p = 'pre' . 'post';", 'pre', 'prepost', "'pre' . 'post'"],
    ]);
  });

  // The Rust Reference, "Tokens › Literals": string, raw string and byte string literals.
  it('Rust: strings, raw strings, byte strings', () => {
    check([
      ['a.rs', String.raw`let p = "a\n\t\\\0\'\"\x41\u{1F511}";`, String.raw`a\n\t\\\0\'\"\x41\u{1F511}`, 'a\n\t\\\0\'"A🔑'],
      ['a.rs', 'let p = "one \\\n    two";', 'one \\\n    two', 'one two'],
      ['a.rs', 'let p = r#"raw "\\n""#;', 'raw "\\n"', 'raw "\\n"'],
      ['a.rs', String.raw`let p = "\x80";`, String.raw`\x80`, INVALID],
    ]);
  });

  // POSIX Shell Command Language §2.2 Quoting; Bash Reference Manual §3.1.2.4 ANSI-C Quoting.
  it('shell: single, double, $-quoted and bare words', () => {
    check([
      ['a.sh', String.raw`P='a\nb"c'`, String.raw`a\nb"c`, 'a\\nb"c'],
      ['a.sh', String.raw`P="a\$b\"c\\d\e"`, String.raw`a\$b\"c\\d\e`, 'a$b"c\\d\\e'],
      ['a.sh', 'P="abc$HOME"', 'abc$HOME', /expansion/],
      ['a.sh', 'P="abc$"', 'abc$', 'abc$'],
      ['a.sh', String.raw`P=$'a\n\x41\u00e9\''`, String.raw`a\n\x41\u00e9\'`, "a\nAé'"],
      ['a.sh', String.raw`P=abc\$def`, String.raw`abc\$def`, 'abc$def'],
      ['a.sh', 'P=abc$def', 'abc$def', /expansion/],
      ['a.sh', `P="abc"'$def'`, 'abc', 'abc$def'],
    ]);
  });

  // about_Quoting_Rules and about_Special_Characters (PowerShell 7).
  it('PowerShell: single and double quotes', () => {
    check([
      ['a.ps1', "$p = 'it''s `n'", "it''s `n", "it's `n"],
      ['a.ps1', '$p = "a`n`t`$x""y"', 'a`n`t`$x""y', 'a\n\t$x"y'],
      ['a.ps1', '$p = "S3cret$env:USER"', 'S3cret$env:USER', INTERPOLATED],
    ]);
  });

  // YAML 1.2.2 §7.3 flow scalars (§5.7 escapes), §8.1 block scalars.
  it('YAML: plain, single, double and block scalars', () => {
    check([
      ['a.yaml', 'p: plain value # comment', 'plain value', 'plain value'],
      ['a.yaml', String.raw`p: "a\tb\x41\u00e9\U0001F511\N\_\"\\"`, String.raw`a\tb\x41\u00e9\U0001F511\N\_\"\\`, 'a\tbAé🔑\u0085\u00a0"\\'],
      ['a.yaml', 'p: "a\\qb"', 'a\\qb', /does not parse/],
      ['a.yaml', 'p: |\n  line1\n  line2\n', 'line1', 'line1'],
      ['a.yaml', 'url: "postgres://app:S3cr\\x65tPass@db"', 'S3cr\\x65tPass', 'S3cretPass'],
      ['a.yaml', "url: 'postgres://app:it''sPass@db'", "it''sPass", "it'sPass"],
      ['a.yaml', 'p: 0x1F', '0x1F', /number, date or boolean/],
      ['a.yaml', 'p: 12345678', '12345678', '12345678'],
    ]);
  });

  // dotenv (npm) 18, lib/main.js `parse`: one pair of quotes removed, \n and \r expanded in double quotes.
  it('.env: as dotenv parses it, refusing what .env readers disagree on', () => {
    check([
      ['.env', 'P=plain value # comment', 'plain value', 'plain value'],
      ['.env', 'P="a\\nb"', 'a\\nb', 'a\nb'],
      ['.env', "P='a\\nb$c'", 'a\\nb$c', /disagree/],
      ['.env', "P='abc$def'", 'abc$def', 'abc$def'],
      ['.env', 'P="abc$def"', 'abc$def', /disagree/],
      ['.env', 'P=abc$', 'abc$', 'abc$'],
      ['.env', 'P=`tick`', 'tick', 'tick'],
      ['.env', 'P="multi\nline"', 'multi\nline', 'multi\nline'],
      ['.env', 'URL=postgres://app:S3cretPass@db/app', 'S3cretPass', 'S3cretPass', 'S3cretPass'],
    ]);
  });

  // java.util.Properties.load(Reader) (Java SE 21 API).
  it('properties: escapes and continuation lines', () => {
    check([
      ['a.properties', String.raw`db.password = a\tb\:c\=d\\e\u00e9`, String.raw`a\tb\:c\=d\\e\u00e9`, 'a\tb:c=d\\eé'],
      ['a.properties', 'db.password=abc\\\n    def', 'abc\\\n    def', 'abcdef'],
      ['a.properties', 'db.password=${DB_PASSWORD}x', '${DB_PASSWORD}x', /placeholder/],
      ['a.properties', String.raw`db.password=\u00g1`, String.raw`\u00g1`, /malformed/],
    ]);
  });

  // HCL native syntax specification, "Template Expressions" (quoted templates and heredocs).
  it('HCL: quoted templates and heredocs', () => {
    check([
      ['main.tf', 'password = "a\\n\\"\\\\\\u00e9$${x}%%{y}"', 'a\\n\\"\\\\\\u00e9$${x}%%{y}', 'a\n"\\é${x}%{y}'],
      ['main.tf', 'password = "S3cret${var.x}"', 'S3cret${var.x}', INTERPOLATED],
      ['main.tf', 'password = "a\\qb"', 'a\\qb', INVALID],
      ['main.tf', 'p = <<-EOT\n    Abc\\n\n      def\n    EOT\n', 'Abc\\n\n      def', 'Abc\\n\n  def\n'],
      ['x.tfvars', 'db_password = "S3cr\\u0065t"', 'S3cr\\u0065t', 'S3cret'],
    ]);
  });

  // TOML v1.0.0, "String".
  it('TOML: basic, literal and multi-line strings', () => {
    check([
      ['a.toml', String.raw`p = "a\tb\u00e9\"\\"`, String.raw`a\tb\u00e9\"\\`, 'a\tbé"\\'],
      ['a.toml', String.raw`p = 'C:\raw'`, String.raw`C:\raw`, 'C:\\raw'],
      ['a.toml', 'p = "a\\qb"', 'a\\qb', INVALID],
    ]);
  });

  // Dockerfile reference, "Environment replacement", "ENV", parser directive "escape".
  it('Dockerfile: ENV values by BuildKit word rules', () => {
    check([
      ['Dockerfile', 'ENV P="a\\"b\\$c\\d" Q=1', 'a\\"b\\$c\\d', 'a"b$c\\d'],
      ['Dockerfile', 'ENV P=abc\\ def', 'abc\\ def', 'abc def'],
      ['Dockerfile', "ENV P='a$b'", 'a$b', 'a$b'],
      ['Dockerfile', 'ENV P=abc$HOME', 'abc$HOME', /variable/],
      ['Dockerfile', 'ENV P legacy value form', 'legacy value form', 'legacy value form'],
      ['Dockerfile', '# escape=`\nENV P=a`$b', 'a`$b', 'a$b'],
    ]);
  });

  // XML 1.0 (5th ed.) §2.11 end-of-line handling, §3.3.3 attribute-value normalisation, §4.1 references, §4.6 predefined entities, §2.7 CDATA.
  it('XML: entities, character references, attribute normalisation, CDATA', () => {
    check([
      ['a.xml', '<add key="password" value="a&amp;b&lt;&#65;&#x42;&quot;"/>', 'a&amp;b&lt;&#65;&#x42;&quot;', 'a&b<AB"'],
      ['a.xml', '<password>S3cret&amp;Pass</password>', 'S3cret&amp;Pass', 'S3cret&Pass'],
      ['a.xml', '<password><![CDATA[a&amp;b]]></password>', 'a&amp;b', 'a&amp;b'],
      ['a.xml', '<password>S3cret&custom;</password>', 'S3cret&custom;', /DTD/],
      ['a.xml', '<password>S3cret & Pass</password>', 'S3cret & Pass', /starts no entity/],
    ]);
  });

  it('other formats: the text as written when nothing in it could be an escape, else refused', () => {
    check([
      ['a.ini', 'password = S3cretPass', 'S3cretPass', 'S3cretPass'],
      ['a.ini', 'password = S3cret\\Pass', 'S3cret\\Pass', /not known here/],
      ['a.kt', 'val password = "S3cretPass"', 'S3cretPass', 'S3cretPass'],
      ['a.kt', 'val password = "S3cret$Pass"', 'S3cret$Pass', /not known here/],
      ['notes.md', 'token: S3cret$Pass', 'S3cret$Pass', 'S3cret$Pass'],
    ]);
  });
});
