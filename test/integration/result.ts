// The JSON the in-host runner writes and the launcher reads: one shape for both sides, and
// the readable report made from it. No `vscode` import: the launcher runs in plain Node.

export interface TestOutcome {
  /** Titles from the outermost describe() to the it(), e.g. ['commands', 'are all registered']. */
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
  /** Where it ran, e.g. 'code-server 1.139.1'. */
  host?: string;
  /** Set when the suite could not run at all (bundle failed to load, mocha threw…). */
  error?: string;
}

const MARK = { passed: '✓', failed: '✗', pending: '-' } as const;

/** A spec-like report: each test with ✓/✗, failures with message and stack, then counts. */
export function formatReport(result: SuiteResult): string {
  const lines: string[] = [];
  if (result.host) lines.push(`In-host integration tests (${result.host})`, '');
  let previousPath: string[] = [];
  for (const test of result.tests) {
    const suites = test.titlePath.slice(0, -1);
    suites.forEach((title, depth) => {
      if (previousPath[depth] !== title) lines.push(`${'  '.repeat(depth + 1)}${title}`);
    });
    previousPath = suites;
    const time = test.durationMs !== undefined && test.durationMs >= 75 ? ` (${test.durationMs} ms)` : '';
    lines.push(`${'  '.repeat(suites.length + 1)}${MARK[test.state]} ${test.titlePath.at(-1)}${time}`);
  }
  const failed = result.tests.filter((test) => test.state === 'failed');
  if (failed.length > 0) lines.push('', 'Failures:');
  failed.forEach((test, index) => {
    lines.push('', `  ${index + 1}) ${test.titlePath.join(' › ')}`);
    const detail = test.error?.stack ?? test.error?.message ?? '(no error message)';
    for (const line of detail.split('\n')) lines.push(`     ${line}`);
  });
  if (result.error) lines.push('', `The suite could not run: ${result.error}`);
  lines.push('', `${result.passes} passed, ${result.failures} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  lines.push(`(${(result.durationMs / 1000).toFixed(1)} s in the extension host)`);
  return lines.join('\n');
}

/** True when the run counts as a success: something ran, nothing failed. */
export function succeeded(result: SuiteResult): boolean {
  return !result.error && result.failures === 0 && result.passes > 0;
}
