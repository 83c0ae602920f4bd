// Spreading a scan over worker threads (`--jobs N`, all cores by default). Each worker runs this
// same bundle (dist/cli.js) and answers tasks — read and scan a file, or scan a text git gave us —
// with plain data; the main thread merges the answers in the order the tasks were made, so the
// report is byte for byte the one a single thread writes.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Baseline } from '../detect/baseline';
import { analyseText, type TextOutcome } from '../detect/scan-files';
import type { ScanOptions } from '../detect/types';
import { describeFsError, readScannableFile } from '../detect/walk';

export type Task =
  | { kind: 'file'; absolutePath: string; relativePath: string; maxFileBytes: number }
  | { kind: 'text'; text: string; relativePath: string; lines?: number[]; withKeys: boolean; bytes: number };

export type TaskResult = { outcome: TextOutcome } | { skipped: string } | { problem: string };

/** Tasks travel in batches: one message per batch, not per file, keeps the threads' messaging cheap. */
export type Batch = readonly Task[];

export interface Settings {
  baseline?: Baseline;
  options?: ScanOptions;
}

/** Runs one task in this thread. */
export function runTask(task: Task, settings: Settings): TaskResult {
  if (task.kind === 'text')
    return { outcome: analyseText(task.text, task.relativePath, settings, task.lines && new Set(task.lines), task.withKeys, task.bytes) };
  try {
    const read = readScannableFile(task.absolutePath, task.maxFileBytes);
    if ('skipped' in read) return { skipped: read.skipped };
    return { outcome: analyseText(read.text, task.relativePath, settings, undefined, false, read.bytes) };
  } catch (error) {
    return { problem: describeFsError(error) };
  }
}

export interface Analyzer {
  run(batch: Batch): Promise<TaskResult[]>;
  close(): Promise<void>;
}

/** The default for --jobs: every core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** How many batches are in flight per worker: enough that none waits for its next one. */
export const BATCHES_IN_FLIGHT_PER_JOB = 4;

/** Files per batch of a folder scan. */
export const FILES_PER_BATCH = 16;

/** Fewer tasks than this per worker are not worth a thread's start-up (it loads the bundle). */
const TASKS_PER_WORKER = 48;

/**
 * `jobs` threads: this one and `jobs - 1` workers (fewer for a small scan; for one job, only this
 * thread). This thread scans its share between merging the workers' answers, so no core waits
 * and one worker's start-up is saved.
 */
export function createAnalyzer(jobs: number, settings: Settings, tasks: number): Analyzer {
  const threads = Math.min(jobs, Math.floor(tasks / TASKS_PER_WORKER));
  const here = (batch: Batch) => batch.map((task) => runTask(task, settings));
  if (threads <= 1) return { run: async (batch) => here(batch), close: async () => undefined };
  return new WorkerPool(threads - 1, settings, here);
}

const ROLE = 'aws-secrets-lens scan worker';

interface WireSettings {
  role: typeof ROLE;
  fingerprints?: string[];
  legacy?: string[];
  options?: ScanOptions;
}

class WorkerPool implements Analyzer {
  private readonly workers: { worker: Worker; waiting: { resolve: (results: TaskResult[]) => void; reject: (error: Error) => void }[] }[];

  private turn = 0;

  constructor(
    count: number,
    settings: Settings,
    private readonly here: (batch: Batch) => TaskResult[],
  ) {
    const data: WireSettings = {
      role: ROLE,
      fingerprints: settings.baseline && [...settings.baseline.fingerprints],
      legacy: settings.baseline && [...settings.baseline.legacy],
      options: settings.options,
    };
    this.workers = Array.from({ length: count }, () => {
      // The file this code is in: the bundle (dist/cli.js), or this module under tsx (workers inherit --import tsx).
      const worker = new Worker(__filename, { workerData: data });
      const entry = { worker, waiting: [] as { resolve: (results: TaskResult[]) => void; reject: (error: Error) => void }[] };
      // A worker answers its batches in the order it got them.
      worker.on('message', (results: TaskResult[]) => entry.waiting.shift()?.resolve(results));
      worker.on('error', (error) => {
        for (const waiter of entry.waiting.splice(0)) waiter.reject(error);
      });
      return entry;
    });
  }

  run(batch: Batch): Promise<TaskResult[]> {
    // Every (workers + 1)-th batch is scanned in this thread, at once.
    if (this.turn++ % (this.workers.length + 1) === 0) return Promise.resolve(this.here(batch));
    const entry = this.workers.reduce((least, candidate) => (candidate.waiting.length < least.waiting.length ? candidate : least));
    return new Promise((resolve, reject) => {
      entry.waiting.push({ resolve, reject });
      entry.worker.postMessage(batch);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}

/** True in a thread started by WorkerPool (cli.ts then serves tasks instead of reading the command line). */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as WireSettings | undefined)?.role === ROLE;
}

function serveTasks(): void {
  const data = workerData as WireSettings;
  const settings: Settings = {
    baseline: data.fingerprints ? { fingerprints: new Set(data.fingerprints), legacy: new Set(data.legacy ?? []) } : undefined,
    options: data.options,
  };
  parentPort?.on('message', (batch: Batch) => parentPort?.postMessage(batch.map((task) => runTask(task, settings))));
}

/**
 * Runs the steps `source` gives, up to `window` at once, and hands each result to `consume` in the
 * order the steps came (the source may still be producing them: a `git log` being read).
 */
export async function inOrderStream<T>(source: AsyncIterable<() => Promise<T>>, window: number, consume: (result: T) => void): Promise<void> {
  const running: Promise<T>[] = [];
  for await (const start of source) {
    const step = start();
    step.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
    running.push(step);
    if (running.length >= window) consume(await (running.shift() as Promise<T>));
  }
  while (running.length) consume(await (running.shift() as Promise<T>));
}

/**
 * Runs `count` steps with up to `window` at once and hands each result to `consume` in step order
 * (a step's promise may settle early; it is consumed only after every step before it).
 */
export async function inOrder<T>(count: number, window: number, start: (i: number) => Promise<T>, consume: (result: T, i: number) => void): Promise<void> {
  const running: Promise<T>[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    while (next < count && next < i + window) running.push(start(next++));
    consume(await (running.shift() as Promise<T>), i);
  }
}

if (isScanWorker()) serveTasks();
