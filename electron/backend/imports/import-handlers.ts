import type { importChannels } from '../../../shared/contract/imports';
import { nowIso } from '../../../shared/domain/clock';
import type { HandlersFor } from '../handler-types';
import { currentActor } from '../settings/settings';
import { getImport, listImports } from './import-history';

export const importHandlers: HandlersFor<typeof importChannels> = {
  notificationsImportStart: (ctx, input) => {
    const staged = ctx.staging.resolve(input.fileRef);
    const state = ctx.jobs.start(
      { kind: 'import', filePath: staged.path, fileName: staged.name, actor: currentActor(ctx.db), startedAt: nowIso(ctx.clock) },
      () => ctx.staging.release(staged.fileRef),
    );
    return { jobId: state.jobId };
  },
  jobsGet: (ctx, input) => ctx.jobs.get(input.jobId),
  jobsCancel: (ctx, input) => ctx.jobs.cancel(input.jobId),
  importsList: (ctx, input) => listImports(ctx.db, input.limit),
  importsGet: (ctx, input) => getImport(ctx.db, input.id),
};
