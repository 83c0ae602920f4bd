/**
 * CLI: node --import tsx test/emulator/main.ts [--port N] [--seed demo|none] [--host H]
 * Prints exactly one JSON line, {"endpoint":"http://127.0.0.1:PORT"}, once it
 * accepts connections (scripts wait for that line), and exits cleanly on
 * SIGINT / SIGTERM.
 */
import { startEmulator } from './index';
import type { SeedName } from './seed';

function parseArgs(argv: string[]): { port: number; seed: SeedName; host: string } {
  const options = { port: 0, seed: 'demo' as SeedName, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be an integer from 0 to 65535');
        options.port = port;
        break;
      }
      case '--seed': {
        const seed = value();
        if (seed !== 'demo' && seed !== 'none') throw new Error("--seed must be 'demo' or 'none'");
        options.seed = seed;
        break;
      }
      case '--host':
        options.host = value();
        break;
      default:
        throw new Error(`Unknown argument ${flag}. Usage: main.ts [--port N] [--seed demo|none] [--host H]`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify({ endpoint: emulator.endpoint })}\n`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
