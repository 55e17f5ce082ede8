// `npm run import:dsa -- <dump.zip | sor-file.csv[.gz]> [--platform NAME] [--report report.json]
// [--examples 100] [--skipped skipped.ndjson]`: loads an EU DSA Transparency Database
// statement-of-reasons dump — a daily zip of zipped CSV parts, read in place, or one CSV — into the
// configured database and writes a report: what was imported, skipped rows counted by reason with
// the first examples, and, with --skipped, every skipped row streamed to a file.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { numberArg, runCli } from './run.js';
import { migrate } from '../db/migrate.js';
import { importDsa } from '../ingest/dsa/importer.js';
import { dumpParts } from '../ingest/dsa/dump.js';

const USAGE = 'usage: npm run import:dsa -- <dump.zip | sor-file.csv[.gz]> [--platform NAME] [--report report.json] [--examples 100] [--skipped skipped.ndjson]';

await runCli('import:dsa', async ({ db, log }) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { report: { type: 'string' }, platform: { type: 'string' }, examples: { type: 'string' }, skipped: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new Error(USAGE);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  if (values.platform !== undefined && values.platform.trim() === '') throw new Error('--platform needs a platform name, as in the dump\'s platform_name');
  await migrate(db, log);
  const skippedOut = values.skipped ? fs.createWriteStream(values.skipped) : null;
  const started = performance.now();
  const report = await importDsa(db, dumpParts(file), {
    platform: values.platform,
    examples: values.examples ? numberArg('examples', values.examples, 0, 100_000) : 100,
    onSkip: skippedOut ? (row) => skippedOut.write(`${JSON.stringify(row)}\n`) : undefined,
  });
  const seconds = (performance.now() - started) / 1000;
  if (skippedOut) await new Promise<void>((resolve, reject) => skippedOut.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const reportFile = values.report ?? `${file}.report.json`;
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  const reasons = Object.entries(report.skippedByReason).map(([r, n]) => `${n} ${r}`).join(', ');
  process.stdout.write(
    `${file}: ${report.parts.length} CSV part(s), ${report.rows} statements` +
      (values.platform ? ` (${report.otherPlatforms} of other platforms left out)` : '') +
      `, ${report.imported} imported, ${report.duplicates} already there, ${report.skipped} skipped${reasons ? ` (${reasons})` : ''}; ` +
      `${report.byPolicy.unmapped ?? 0} under policy "unmapped". ${seconds.toFixed(1)} s, ${Math.round(report.rows / seconds)} statements/s. ` +
      `Report: ${reportFile}${values.skipped ? `; every skipped row: ${values.skipped}` : ''}\n`,
  );
});
