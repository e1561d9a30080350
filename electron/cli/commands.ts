import { checkCommand } from './check-command';
import { backupCommand } from './backup-command';
import type { CliCommand } from './command';
import { commentsCommand } from './comments-command';
import { importCommand } from './import-command';
import { reindexCommand } from './reindex-command';
import { reportCommand } from './report-command';
import { searchCommand } from './search-command';
import { triageCommand } from './triage-command';
import { enterprisesCommand } from './enterprises-command';
import { exportCommand } from './export-command';
import { warningsCommand } from './warnings-command';

const info: CliCommand = {
  summary: 'Show the database path, schema version and record counts',
  usage: 'pingyi info [--json]',
  run({ call, json, io }) {
    const i = call('appInfo', {});
    if (json) {
      io.out(JSON.stringify(i, null, 2));
      return 0;
    }
    io.out(`Pingyi ${i.appVersion}`);
    io.out(`data folder     ${i.dataDir}`);
    io.out(`database        ${i.databasePath}`);
    io.out(`schema version  ${i.schemaVersion} (latest ${i.latestSchemaVersion}), SQLite ${i.sqliteVersion}`);
    io.out(`countries       ${i.counts.countries}`);
    io.out(`notifications   ${i.counts.notifications}`);
    io.out(`audit entries   ${i.counts.auditEntries}`);
    io.out(`demo data       ${i.demoLoaded ? 'loaded' : 'not loaded'}`);
    const check = i.storeHealth.lastCheck;
    io.out(
      `store health    ${i.storeHealth.status === 'ok' ? 'ok' : `DAMAGED (${i.storeHealth.reason ?? ''}); nothing is written until a backup is restored`}` +
        (check ? `, ${check.kind} check ${check.ok ? 'passed' : 'failed'} in ${check.ms} ms` : ''),
    );
    return 0;
  },
};

const demo: CliCommand = {
  summary: 'Load the demo data set (marked as demo data; loading twice changes nothing)',
  usage: 'pingyi demo [--json]',
  run({ call, json, io }) {
    const r = call('demoLoad', {});
    if (json) io.out(JSON.stringify(r));
    else io.out(r.alreadyLoaded ? 'Demo data is already loaded; nothing changed.' : `Loaded ${r.notifications} demo notifications.`);
    return 0;
  },
};

/** Every command; adding one is an entry here. */
export const commands: Record<string, CliCommand> = { info, demo, import: importCommand, search: searchCommand, triage: triageCommand, comments: commentsCommand, check: checkCommand, backup: backupCommand, reindex: reindexCommand,
  enterprises: enterprisesCommand, warnings: warningsCommand, report: reportCommand, export: exportCommand };
