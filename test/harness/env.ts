// Names of the environment variables that connect the launchers, the sessions and the in-host
// suite. No other imports here: the in-host test bundle includes this file.
export const Env = {
  /** Path of a prebuilt product VSIX; set by a runner so child processes don't package again. */
  vsix: 'AWS_SECRETS_LENS_VSIX',
  /** Emulator endpoint (http://127.0.0.1:PORT), for fault injection from in-host tests. */
  emulator: 'AWS_SECRETS_LENS_TEST_EMULATOR',
  /** Where the in-host test runner writes its JSON result. */
  result: 'AWS_SECRETS_LENS_TEST_RESULT',
  /** Only run in-host tests whose full title matches this regular expression. */
  grep: 'AWS_SECRETS_LENS_TEST_GREP',
  /** Set to 1 to leave a session running after the tests, for debugging. */
  keepOpen: 'AWS_SECRETS_LENS_KEEP_OPEN',
  /**
   * Set to 1 by the in-host suite's and the benchmark's sessions: only then does activate()
   * return the test hooks (scripted prompts, storage paths…). Same name as TEST_HOOKS_VARIABLE
   * in src/ui/testHooks.ts; the @normal-install tests check that nothing is returned without it.
   */
  testHooks: 'AWS_SECRETS_LENS_TEST_HOOKS',
  /** Set to 1 to see chromium's window (needs a display). */
  headed: 'AWS_SECRETS_LENS_HEADED',
} as const;
