import type { importChannels } from '../../../shared/contract/imports';
import { nowIso } from '../../../shared/domain/clock';
import { AppError } from '../errors';
import { ensureFreeSpace, importSpaceNeeded } from '../faults/disk-space';
import { preImportBackupNeeded } from '../backups/pre-import';
import type { HandlersFor } from '../handler-types';
import { actingAnalyst } from '../analysts/analysts';
import { getImport, listImports } from './import-history';

export const importHandlers: HandlersFor<typeof importChannels> = {
  notificationsImportStart: (ctx, input) => {
    // The job writes through a connection of its own, which query_only on this one does not cover.
    if (ctx.health.damaged) {
      throw new AppError(
        'DB_CORRUPT',
        `The store ${ctx.databasePath} is damaged, so nothing is imported into it. Restore a backup (Settings › Backups), then import the file again.`,
        { file: ctx.databasePath, reason: 'damaged-read-only' },
      );
    }
    const staged = ctx.staging.resolve(input.fileRef);
    // Before the job starts: a disk that fills half-way through a bulk import costs the
    // analyst minutes and leaves a large log behind.
    ensureFreeSpace(ctx.dataDir, importSpaceNeeded(staged.name, staged.size), `Importing ${staged.name}`);
    // Queued behind a running writer (another import, a reindex) rather than refused: it runs
    // when that one has ended, and the staged file stays until this one has.
    const state = ctx.jobs.start(
      {
        kind: 'import',
        input: { fileName: staged.name, fileSize: staged.size },
        params: {
          filePath: staged.path,
          actor: actingAnalyst(ctx.db),
          ...(preImportBackupNeeded(ctx.db, staged.size)
            ? { preImportBackup: { dataDir: ctx.dataDir, appVersion: ctx.appVersion, at: nowIso(ctx.clock), ...ctx.backups.nativeBindingOption } }
            : {}),
        },
        startedAt: nowIso(ctx.clock),
      },
      () => ctx.staging.release(staged.fileRef),
    );
    return { jobId: state.jobId };
  },
  importsList: (ctx, input) => listImports(ctx.db, input.limit),
  importsGet: (ctx, input) => getImport(ctx.db, input.id),
};
