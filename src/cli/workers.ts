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

/** How many batches may be in flight per thread: enough that no thread waits for its next one. */
export const BATCHES_IN_FLIGHT_PER_JOB = 8;

/** Batches handed to one worker at a time: one being scanned, one waiting in its message queue. */
const BATCHES_PER_WORKER = 2;

/** Files per batch of a folder scan. */
export const FILES_PER_BATCH = 16;

/** Fewer tasks than this per worker are not worth a thread's start-up (it loads the bundle). */
const TASKS_PER_WORKER = 48;

/**
 * `jobs` threads: this one and `jobs - 1` workers (fewer for a small scan; for one job, only this
 * thread). This thread scans too, whatever the workers have not taken, so no core waits and one
 * worker's start-up is saved.
 */
export function createAnalyzer(jobs: number, settings: Settings, tasks: number): Analyzer {
  const threads = Math.min(jobs, Math.floor(tasks / TASKS_PER_WORKER));
  const here = (batch: Batch) => batch.map((task) => runTask(task, settings));
  if (threads <= 1) return { run: async (batch) => here(batch), close: async () => undefined };
  return new WorkerPool(threads - 1, settings, here);
}

const ROLE = 'aws-secrets-lens scan worker';
/** A worker's first message: the bundle is loaded and it takes batches. */
const READY = 'ready';

interface WireSettings {
  role: typeof ROLE;
  fingerprints?: string[];
  legacy?: string[];
  options?: ScanOptions;
}

interface Pending {
  readonly batch: Batch;
  resolve(results: TaskResult[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly worker: Worker;
  ready: boolean;
  /** Batches sent to it, in the order it answers them. */
  readonly sent: Pending[];
}

/**
 * Workers and this thread share one queue of batches. A worker gets batches only once it is
 * ready (loading the bundle takes a while) and no more than it can start on; this thread scans
 * the rest between handling the workers' answers. A static split would leave this thread idle
 * while a worker starts, and a worker idle when its share ran out.
 */
class WorkerPool implements Analyzer {
  private readonly workers: PoolWorker[];
  private readonly queue: Pending[] = [];
  private scanningHere = false;

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
      const entry: PoolWorker = { worker: new Worker(__filename, { workerData: data }), ready: false, sent: [] };
      entry.worker.on('message', (message: TaskResult[] | typeof READY) => {
        if (message === READY) entry.ready = true;
        else entry.sent.shift()?.resolve(message);
        this.dispatch();
      });
      entry.worker.on('error', (error) => {
        for (const pending of entry.sent.splice(0)) pending.reject(error);
      });
      return entry;
    });
  }

  run(batch: Batch): Promise<TaskResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.dispatch();
      this.scanHereSoon();
    });
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      while (entry.ready && entry.sent.length < BATCHES_PER_WORKER && this.queue.length) {
        const pending = this.queue.shift() as Pending;
        entry.sent.push(pending);
        entry.worker.postMessage(pending.batch);
      }
    }
  }

  /** Scans one queued batch here on the next turn, then the next: the workers' answers are handled in between. */
  private scanHereSoon(): void {
    if (this.scanningHere) return;
    this.scanningHere = true;
    setImmediate(() => {
      this.scanningHere = false;
      const pending = this.queue.shift();
      if (!pending) return;
      try {
        pending.resolve(this.here(pending.batch));
      } catch (error) {
        pending.reject(error as Error);
      }
      if (this.queue.length) this.scanHereSoon();
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
  parentPort?.postMessage(READY);
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
