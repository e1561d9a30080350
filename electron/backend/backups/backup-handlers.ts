import type { backupChannels } from '../../../shared/contract/backups';
import { AppError } from '../errors';
import type { HandlersFor } from '../handler-types';
import { recoveryStatus } from './recovery';

export const backupHandlers: HandlersFor<typeof backupChannels> = {
  backupsList: (ctx) => ctx.backups.list(),
  // The result arrives as the job's jobDone; a failure is reported there too.
  backupsCreate: (ctx) => ({ started: true, jobId: ctx.backups.start('manual').jobId }),
  backupsConfigure: (ctx, input) => ctx.backups.configure(input),
  backupsSummary: (ctx, input) => ctx.backups.summary(input.id),
  backupsRestore: (ctx, input) => ctx.backups.restore(input.id),
  backupsDelete: (ctx, input) => ctx.backups.delete(input.id),
  // With a store open there is nothing to choose; the recovery backend answers these otherwise.
  recoveryStatus: (ctx) => recoveryStatus(ctx.dataDir, null, ctx.readOnly ? 'read-only' : 'normal'),
  recoveryChoose: () => {
    throw new AppError('CONFLICT', 'The store is open; there is nothing to recover');
  },
};
