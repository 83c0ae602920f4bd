// npm start — the demo: AWS Secrets Lens in a real VS Code (code-server) in your browser,
// against the local emulator seeded with realistic sample data, on a sample project full of
// (fake) hard-coded secrets. Installs code-server on first run. Ctrl-C stops everything.
//
//   npm start                      code-server on 127.0.0.1:8080 (or any free port)
//   DEMO_PORT=9000 npm start
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupAll, shuttingDown } from '../test/harness/cleanup';
import { ensureInstalled } from '../test/harness/install';
import { REPO_ROOT } from '../test/harness/paths';
import { tail } from '../test/harness/proc';
import { startSession } from '../test/harness/session';
import { makeTempDir } from '../test/harness/tempDir';

const DEFAULT_PORT = 8080;
const DEFAULT_EMULATOR_PORT = 4599;

async function main(): Promise<void> {
  const started = Date.now();
  console.log('AWS Secrets Lens demo: getting ready (the first run installs code-server, about 2 minutes)…');
  await ensureInstalled({ browser: false });

  // A fresh copy each time, so quick fixes you try never change the files in the repository.
  const workspace = join(makeTempDir('demo').path, 'acme-payments');
  cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });

  const session = await startSession({
    folder: workspace,
    settings: { 'awsSecrets.regions': ['eu-west-1'] },
    emulator: { seed: 'demo', port: DEFAULT_EMULATOR_PORT },
    port: Number(process.env.DEMO_PORT ?? DEFAULT_PORT),
    keepAlive: true,
  });
  const { codeServer, emulator, aws } = session;
  console.log(
    [
      '',
      `Ready in ${((Date.now() - started) / 1000).toFixed(0)} s. Open this in your browser:`,
      '',
      `    ${codeServer.workbenchUrl}`,
      '',
      'Then click the shield icon "AWS Secrets" in the activity bar (left).',
      `  AWS profile "demo" → emulator at ${emulator.endpoint} (us-east-1, plus eu-west-1 from the awsSecrets.regions setting)`,
      `  AWS config:        ${aws.configFile}`,
      `  sample project:    ${workspace} (a copy of demo/workspace; the secrets in it are fake)`,
      `  logs:              ${codeServer.logFile} and ${codeServer.logsDir}`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  await codeServer.process.exited;
  if (shuttingDown()) return; // Ctrl-C: the signal handler is cleaning up and will exit
  throw new Error(`code-server stopped (${codeServer.process.exitStatus}); the end of its log:\n${tail(codeServer.logFile)}`);
}

main().catch(async (error: unknown) => {
  if (shuttingDown()) return;
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await cleanupAll();
  process.exit(1);
});
