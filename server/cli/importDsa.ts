// `npm run import:dsa -- <sor-file.csv[.gz]> [--report report.json]`: loads an EU DSA Transparency
// Database statement-of-reasons dump into the configured database and writes a report of what was
// imported and every row skipped (with its line and reason).
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { runCli } from './run.js';
import { migrate } from '../db/migrate.js';
import { importDsa } from '../ingest/dsa/importer.js';

await runCli('import:dsa', async ({ db, log }) => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new Error('usage: npm run import:dsa -- <sor-file.csv[.gz]> [--report report.json]');
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  await migrate(db, log);
  let input: NodeJS.ReadableStream = fs.createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  const report = await importDsa(db, input as AsyncIterable<Buffer>);
  const reportFile = values.report ?? `${file}.report.json`;
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(
    `${file} (${report.layout} layout): ${report.rows} statements, ${report.imported} imported, ${report.duplicates} already there, ` +
      `${report.skipped} skipped — every skipped row is listed in ${reportFile}\n`,
  );
});
