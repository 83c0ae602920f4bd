// The sub-commands of aws-secrets-lens. Each lives in its own file and gets the arguments
// after its name; this file only picks one and handles what applies to all (--help, --version).
import { version } from '../../package.json';
import { printable } from '../detect/report/model';
import { UsageError } from './args';
import { INSTALL_HOOK_USAGE, runInstallHook } from './installHook';
import { runScan, SCAN_USAGE } from './scan';

type Command = (argv: readonly string[]) => number | Promise<number>;

// `exec` and `policy` (and the AWS SDK they bring) are loaded only when they run: a scan, and
// each of its worker threads, starts without them.
const loadExec = () => import('./exec');
const loadPolicy = () => import('./policy');

const COMMANDS: Record<string, Command> = {
  scan: runScan,
  exec: async (argv) => (await loadExec()).runExec(argv),
  policy: async (argv) => (await loadPolicy()).runPolicy(argv),
  'install-hook': runInstallHook,
};

async function usage(): Promise<string> {
  return `${SCAN_USAGE}
${(await loadExec()).EXEC_USAGE}
${(await loadPolicy()).POLICY_USAGE}
${INSTALL_HOOK_USAGE}
Commands: ${Object.keys(COMMANDS).join(', ')}. "aws-secrets-lens COMMAND --help" describes one.
Also: aws-secrets-lens --version
`;
}

/** Runs the command line `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help') {
    process.stdout.write(await usage());
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  try {
    if (first === undefined || first.startsWith('-')) throw new UsageError('missing command (try "aws-secrets-lens scan .")');
    const command = COMMANDS[first];
    if (!command) throw new UsageError(`unknown command "${first}"`);
    return await command(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n\n${await usage()}`);
    return 2;
  }
}
