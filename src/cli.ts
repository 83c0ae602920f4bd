#!/usr/bin/env node
// aws-secrets-lens: the command-line tool (the headless scanner for CI). The sub-commands live
// in src/cli/; this file only starts them.
import { main } from './cli/main';
import { isScanWorker } from './cli/workers';
import { printable } from './detect/report/model';

// The same file runs the worker threads of a scan (`--jobs`); cli/workers.ts serves them.
if (!isScanWorker())
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`aws-secrets-lens: ${printable(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 2;
    },
  );
