// A folder scan on every core: the files are listed here (git's list in a repository), then read
// and scanned by the worker threads (and this one), and their outcomes merged in file order — the
// same report whatever the number of threads.
import { ScanCollector, type FileScanRequest, type FileScanResult } from '../detect/scan-files';
import { collectFiles, MAX_FILE_BYTES } from '../detect/walk';
import { BATCHES_IN_FLIGHT_PER_JOB, createAnalyzer, FILES_PER_BATCH, inOrder } from './workers';

export async function scanTree(request: FileScanRequest, jobs: number): Promise<FileScanResult> {
  const { files, problems, skipped } = collectFiles(request.roots, request);
  const collector = new ScanCollector(request.baseline, request.options);
  collector.skipped.push(...skipped);
  collector.problems.push(...problems);
  const analyzer = createAnalyzer(jobs, { baseline: request.baseline, options: request.options }, files.length);
  const maxFileBytes = request.maxFileBytes ?? MAX_FILE_BYTES;
  try {
    await inOrder(
      Math.ceil(files.length / FILES_PER_BATCH),
      jobs * BATCHES_IN_FLIGHT_PER_JOB,
      (b) =>
        analyzer.run(
          files
            .slice(b * FILES_PER_BATCH, (b + 1) * FILES_PER_BATCH)
            .map((file) => ({ kind: 'file' as const, absolutePath: file.absolutePath, relativePath: file.relativePath, maxFileBytes })),
        ),
      (results, b) =>
        results.forEach((result, i) => {
          const relativePath = files[b * FILES_PER_BATCH + i].relativePath;
          if ('outcome' in result) collector.merge({ relativePath }, result.outcome);
          else if ('skipped' in result) collector.skipped.push({ path: relativePath, reason: result.skipped });
          else collector.problems.push({ path: relativePath, message: result.problem });
        }),
    );
  } finally {
    await analyzer.close();
  }
  return collector.result();
}
