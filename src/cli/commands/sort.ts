/**
 * `dicom-inspector sort SRC DEST [--pattern P] [--no-clean] [--dry-run] [--json] [--follow-links]`
 *
 * Copies every DICOM file under SRC into DEST in the pattern's folder layout. Never moves,
 * never overwrites; exit 0 only when every DICOM file found is in DEST.
 */
import { parseArgs } from 'node:util';
import { formatPreview } from '../../core/sort/preview';
import { DEFAULT_SORT_PATTERN, parsePattern, PatternSyntaxError } from '../../core/sort/pattern';
import { sortFolder, summarise, type SortFolderResult } from '../../node/sort/sortFolder';
import { fsMessage, isSystemError } from '../../node/fsMessage';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';


const USAGE = `Usage: dicom-inspector sort SRC DEST [options]

Copies the DICOM files under SRC into DEST, in folders named from their headers. The source is
never changed; nothing in DEST is overwritten: a file already there with identical bytes counts
as sorted, a different file with the same name makes the new one get ~2, ~3... A manifest
(DEST/dicom-sort-manifest.csv) lists every source file with its target and status.
Running again finishes an interrupted run and copies nothing twice.

Options:
  --pattern P        Folder layout, default:
                     ${DEFAULT_SORT_PATTERN}
                     {Keyword}, {(gggg,eeee)}, sequence paths; {InstanceNumber:04} pads with
                     zeros; {SeriesDescription|SeriesNumber|NA} falls back left to right.
  --no-clean         Keep case and punctuation (unsafe characters are still replaced).
  --dry-run          Show the preview (counts, tree, collisions, skipped files); copy nothing.
  --json             Print the result as JSON.
  --follow-links     Also sort the files that symbolic links in SRC lead to outside SRC
                     (by default they are skipped and listed in the manifest).
  --concurrency N    Files handled at once (default 16).
  -h, --help         Show this help.

One sort at a time writes into a DEST: a second one started meanwhile stops at once and says so.

Exit status: 0 when every DICOM file is in DEST (or the dry run succeeded), 1 when some are
not (cancelled, unreadable, failed copies: see the manifest), 2 for bad arguments, a SRC that
cannot be read, a DEST that cannot be written or that another sort is writing into (one line
on standard error says which).
`;

function parseSortArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      pattern: { type: 'string', default: DEFAULT_SORT_PATTERN },
      'no-clean': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'follow-links': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '16' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

function jsonResult(result: SortFolderResult, dryRun: boolean): string {
  const { plan } = result;
  return JSON.stringify(
    {
      pattern: plan.pattern,
      dryRun,
      complete: result.complete,
      problem: result.problem || null,
      counts: plan.counts,
      statuses: summarise(result.outcomes),
      manifest: result.manifestPath,
      collisions: plan.collisions,
      duplicateSopInstanceUids: plan.duplicateSopInstanceUids,
      skipped: plan.skipped,
      files: dryRun ? plan.files.map((f) => ({ source: f.source, target: f.target, rank: f.rank })) : result.outcomes,
    },
    null,
    2,
  ) + '\n';
}

function textResult(result: SortFolderResult): string {
  const statuses = summarise(result.outcomes);
  const skipped = statuses.skipped ?? 0;
  delete statuses.skipped;
  const parts = Object.entries(statuses).map(([status, n]) => `${n} ${status}`);
  const lines = [`${result.plan.counts.files} DICOM file(s): ${parts.join(', ') || 'none found'}; ${skipped} non-DICOM file(s) skipped.`];
  const links = result.plan.skipped.filter((s) => s.linkTarget !== undefined);
  for (const s of links.slice(0, 20)) lines.push(`  link not followed: ${s.source} -> ${s.linkTarget}`);
  if (links.length > 20) lines.push(`  … and ${links.length - 20} more links not followed (see the manifest)`);
  if (links.length > 0) lines.push(`  (${links.length} symbolic link(s) lead outside the source; --follow-links sorts them)`);
  const renamed = result.outcomes.filter((o) => o.status === 'copied-renamed');
  for (const o of renamed.slice(0, 20)) lines.push(`  renamed: ${o.source} -> ${o.target}`);
  if (renamed.length > 20) lines.push(`  … and ${renamed.length - 20} more renamed (see the manifest)`);
  if (result.manifestPath) lines.push(`Manifest: ${result.manifestPath}`);
  return lines.join('\n') + '\n';
}

export async function runSort(argv: string[], out: CliOutput): Promise<number> {
  let args: ReturnType<typeof parseSortArgs>;
  try {
    args = parseSortArgs(argv);
  } catch (error) {
    await write(out.stderr, `${(error as Error).message}\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = args;
  if (values.help) {
    await write(out.stdout, USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2) {
    await write(out.stderr, `Expected SRC and DEST, got ${positionals.length} path(s).\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    await write(out.stderr, `--concurrency must be a whole number from 1 to 256.\n`);
    return EXIT_UNUSABLE;
  }
  try {
    parsePattern(values.pattern);
  } catch (error) {
    if (error instanceof PatternSyntaxError) {
      await write(out.stderr, `${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
  const [source, destination] = positionals;
  const dryRun = values['dry-run'];
  const controller = new AbortController();
  // Ctrl-C stops after the copies in flight: no half file, and a rerun finishes the job.
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const result = await sortFolder(source, destination, {
      pattern: values.pattern,
      clean: !values['no-clean'],
      dryRun,
      concurrency,
      signal: controller.signal,
      // A CLI process has no event loop to keep free: blocking calls skip the thread pool.
      blocking: true,
      followLinks: values['follow-links'],
    });
    if (values.json) await write(out.stdout, jsonResult(result, dryRun));
    else if (dryRun) await write(out.stdout, formatPreview(result.plan).join('\n') + '\n');
    else await write(out.stdout, textResult(result));
    if (dryRun) return EXIT_OK;
    if (!result.complete) await write(out.stderr, `dicom-inspector sort: ${result.problem}\n`);
    return result.complete ? EXIT_OK : EXIT_PROBLEMS;
  } catch (error) {
    // Whatever ends the run here stopped it as a whole (source, destination, lock, manifest).
    const message = isSystemError(error) ? fsMessage('sort failed', error) : (error as Error).message;
    await write(out.stderr, `dicom-inspector sort: ${message}\n`);
    return EXIT_UNUSABLE;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
