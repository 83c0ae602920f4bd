/**
 * String literals must mean exactly the text they were made from. For nasty fixed strings plus a
 * random sample, each language's own runtime (where installed) evaluates our literal and compares it
 * with the expected code points / UTF-8 bytes. Languages whose strings are UTF-8 (Go, Rust, Ruby,
 * PHP, shell) cannot hold a lone surrogate; there U+FFFD stands in, as their JSON decoders do.
 * C#, PowerShell and HCL have no runtime on this machine and are covered by the golden files only.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { goString, javaString, jsString, phpString, pythonString, rubyString, rustString, shellWord, yamlString } from '../../../src/snippets/stringLiteral';
import { hasTool, python } from '../../fixtures/snippets/harness/syntaxCheck';

const FIXED = [
  '',
  'prod/db',
  'a"b\'c`d',
  'back\\slash\\',
  '${HOME} #{x} $(id) %{y} $var @x',
  'line\nbreak\r\ttab\0nul\u0007bell\u007f',
  '\u2028\u2029\u0085\u00a0\ufeff\u202e\u2066',
  'ünïcødé 日本語 🔑 \u{1f600}',
  '\ud800 lone high',
  'lone low \udfff',
  '\u000a\u0022 java unicode-escape traps \\u000a',
  "'; echo pwned; '",
  '-starts-with-dash',
  '\u2018typographic\u2019 \u201a\u201b quotes',
];
const SAMPLE = fc.sample(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 15 }),
  ),
  { numRuns: Number(process.env.SNIPPET_PROPERTY_RUNS ?? 150), seed: 7 },
);
const STRINGS = [...FIXED, ...SAMPLE];

/** UTF-8 bytes as hex; Node encodes a lone surrogate as U+FFFD, matching our substitution. */
const utf8Hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

function runProgram(file: string, source: string, command: string, args: string[]): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'literal-check-'));
  try {
    const full = path.join(dir, file);
    writeFileSync(full, source);
    const r = spawnSync(
      command,
      args.map((a) => a.replaceAll('{file}', full).replaceAll('{dir}', dir)),
      { encoding: 'utf8', cwd: dir, timeout: 300_000, env: { ...process.env, GO111MODULE: 'off', GOCACHE: path.join(dir, 'gocache') } },
    );
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('string literals evaluate back to the same text', () => {
  it('JavaScript / TypeScript (and JSON)', () => {
    for (const s of STRINGS) {
      assert.equal(new Function(`return ${jsString(s)};`)(), s);
      assert.equal(JSON.parse(jsString(s)), s);
    }
  });

  it('Python (code points, lone surrogates kept) and YAML', (t) => {
    if (!hasTool('python3')) return t.skip('python3 is not installed');
    const withYaml = hasTool('python3-yaml');
    if (!withYaml) t.diagnostic('PyYAML is not installed: YAML literals not checked');
    const lines = [withYaml ? 'import sys, yaml' : 'import sys', 'bad = []'];
    STRINGS.forEach((s, i) => {
      lines.push(`if [ord(c) for c in ${pythonString(s)}] != ${JSON.stringify(Array.from(s).map((c) => c.codePointAt(0)))}: bad.append(${i})`);
      if (withYaml && !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
        lines.push(`if yaml.safe_load(${pythonString(yamlString(s))}) != ${pythonString(s)}: bad.append("yaml ${i}")`);
      }
    });
    lines.push('print(bad)', 'sys.exit(1 if bad else 0)');
    const r = runProgram('check.py', lines.join('\n') + '\n', python()!, ['{file}']);
    assert.equal(r.status, 0, r.output);
  });

  it('Go (UTF-8 bytes)', (t) => {
    if (!hasTool('go')) return t.skip('go is not installed');
    const checks = STRINGS.map((s, i) => `\tif hex.EncodeToString([]byte(${goString(s)})) != "${utf8Hex(s)}" {\n\t\tbad = append(bad, ${i})\n\t}`);
    const source = `package main\n\nimport (\n\t"encoding/hex"\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tvar bad []int\n${checks.join('\n')}\n\tif len(bad) > 0 {\n\t\tfmt.Println(bad)\n\t\tos.Exit(1)\n\t}\n}\n`;
    const r = runProgram('check.go', source, 'go', ['run', '{file}']);
    assert.equal(r.status, 0, r.output);
  });

  it('Ruby (UTF-8 bytes)', (t) => {
    if (!hasTool('ruby')) return t.skip('ruby is not installed');
    const lines = [
      'bad = []',
      ...STRINGS.map((s, i) => `bad << ${i} unless ${rubyString(s)}.unpack1("H*") == "${utf8Hex(s)}"`),
      'p bad',
      'exit(bad.empty? ? 0 : 1)',
    ];
    const r = runProgram('check.rb', lines.join('\n') + '\n', 'ruby', ['{file}']);
    assert.equal(r.status, 0, r.output);
  });

  it('PHP (UTF-8 bytes)', (t) => {
    if (!hasTool('php')) return t.skip('php is not installed');
    const lines = [
      '<?php',
      '$bad = [];',
      ...STRINGS.map((s, i) => `if (bin2hex(${phpString(s)}) !== '${utf8Hex(s)}') { $bad[] = ${i}; }`),
      'echo json_encode($bad);',
      'exit(count($bad) === 0 ? 0 : 1);',
    ];
    const r = runProgram('check.php', lines.join('\n') + '\n', 'php', ['{file}']);
    assert.equal(r.status, 0, r.output);
  });

  it('Rust (UTF-8 bytes)', (t) => {
    if (!hasTool('rustc')) return t.skip('rustc is not installed');
    const checks = STRINGS.map((s, i) => `    if hex(${rustString(s)}) != "${utf8Hex(s)}" { bad.push(${i}); }`);
    const source = `fn hex(s: &str) -> String { s.bytes().map(|b| format!("{:02x}", b)).collect() }\n\nfn main() {\n    let mut bad: Vec<usize> = Vec::new();\n${checks.join('\n')}\n    if !bad.is_empty() { println!("{:?}", bad); std::process::exit(1); }\n}\n`;
    const r = runProgram('check.rs', source, 'sh', ['-c', 'rustc --edition 2021 -o {dir}/check {file} && {dir}/check']);
    assert.equal(r.status, 0, r.output);
  });

  it('Java (UTF-16 code units, lone surrogates kept)', (t) => {
    if (!hasTool('java')) return t.skip('java is not installed');
    const checks = STRINGS.map((s, i) => {
      const units = Array.from({ length: s.length }, (_, k) => s.charCodeAt(k));
      return `        if (!java.util.Arrays.equals(${javaString(s)}.chars().toArray(), new int[] {${units.join(', ')}})) bad.add(${i});`;
    });
    // One method per 100 checks: a single method's bytecode is limited to 64 KB.
    const chunks: string[] = [];
    for (let k = 0; k < checks.length; k += 100)
      chunks.push(`    static void part${k}(java.util.List<Integer> bad) {\n${checks.slice(k, k + 100).join('\n')}\n    }`);
    const calls = chunks.map((_, k) => `        part${k * 100}(bad);`).join('\n');
    const source = `public class Check {\n${chunks.join('\n')}\n    public static void main(String[] args) {\n        java.util.List<Integer> bad = new java.util.ArrayList<>();\n${calls}\n        System.out.println(bad);\n        System.exit(bad.isEmpty() ? 0 : 1);\n    }\n}\n`;
    const r = runProgram('Check.java', source, 'java', ['-Dfile.encoding=UTF-8', '{file}']);
    assert.equal(r.status, 0, r.output);
  });

  it('bash words (UTF-8 bytes; NUL, which no shell string can hold, becomes U+FFFD)', (t) => {
    if (!hasTool('bash') || !hasTool('od')) return t.skip('bash or od is not installed');
    const lines = [
      'bad=()',
      ...STRINGS.map(
        (s, i) => `v=${shellWord(s)}; [ "$(printf %s "$v" | od -An -tx1 | tr -d ' \\n')" = "${utf8Hex(s.replace(/\0/g, '\ufffd'))}" ] || bad+=(${i})`,
      ),
      'echo "${bad[@]}"',
      '[ ${#bad[@]} -eq 0 ]',
    ];
    const r = runProgram('check.sh', lines.join('\n') + '\n', 'bash', ['{file}']);
    assert.equal(r.status, 0, r.output);
  });
});
