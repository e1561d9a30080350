import type { enterpriseChannels } from '../../../shared/contract/enterprises';
import { actingAnalyst } from '../analysts/analysts';
import { changed, withChange } from '../changes';
import type { BackendContext } from '../context';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { importEnterprises } from './enterprise-import';
import { deleteEnterprise, getEnterprise, listEnterprises, saveEnterprise } from './enterprises';
import { writeEnterpriseTemplate } from './enterprise-template';
import { deleteFocusIndustry, listFocusIndustries, saveFocusIndustry } from './focus-industries';
import { startWarningsRecompute } from './recompute';
import { importTradeExposure, tradeExposureSummary } from './trade-exposure';

/** A staged file, released once its import has ended either way. */
async function withStagedFile<T>(ctx: BackendContext, fileRef: string, fileName: string | undefined, body: (path: string, name: string) => Promise<T>): Promise<T> {
  const staged = ctx.staging.resolve(fileRef);
  try {
    return await body(staged.path, fileName ?? staged.name);
  } finally {
    ctx.staging.release(staged.fileRef);
  }
}

/**
 * An enterprise written, and its warnings rescored in the same call. The enterprise is named by
 * its uid; the warnings are not, since a 'warnings' id is a warning's own uid and the pass does
 * not say which of the enterprise's warnings it changed.
 */
function enterpriseAndWarningsChanged(ctx: BackendContext, uid: string): void {
  changed(ctx, 'enterprises', [uid]);
  changed(ctx, 'warnings');
}

export const enterpriseHandlers: HandlersFor<typeof enterpriseChannels> = {
  enterprisesList: (ctx, input) => listEnterprises(ctx.db, input),
  enterprisesGet: (ctx, input) => getEnterprise(ctx.db, input.uid),
  enterprisesSave: (ctx, input) => {
    const saved = saveEnterprise(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    enterpriseAndWarningsChanged(ctx, saved.uid);
    return saved;
  },
  enterprisesDelete: (ctx, input) => {
    const result = deleteEnterprise(ctx.db, actingAnalyst(ctx.db), input.uid, ctx.clock);
    enterpriseAndWarningsChanged(ctx, input.uid);
    return result;
  },
  tradeExposureSummary: (ctx) => tradeExposureSummary(ctx.db),
  focusIndustriesList: (ctx) => listFocusIndustries(ctx.db),
  focusIndustriesSave: (ctx, input) => {
    const actor = actingAnalyst(ctx.db);
    const industry = saveFocusIndustry(ctx.db, actor, input, ctx.clock);
    const jobId = startWarningsRecompute(ctx, actor, 'focusIndustries');
    return withChange({ industry, jobId }, ctx, 'settings');
  },
  focusIndustriesDelete: (ctx, input) => {
    const actor = actingAnalyst(ctx.db);
    const deleted = deleteFocusIndustry(ctx.db, actor, input.uid, ctx.clock);
    const jobId = deleted ? startWarningsRecompute(ctx, actor, 'focusIndustries') : null;
    return withChange({ deleted, jobId }, ctx, 'settings');
  },
};

export const enterpriseAsyncHandlers: AsyncHandlersFor<typeof enterpriseChannels> = {
  enterprisesImport: (ctx, input) =>
    withStagedFile(ctx, input.fileRef, input.fileName, async (path, name) => {
      const actor = actingAnalyst(ctx.db);
      const { report, changedUids } = await importEnterprises(ctx.db, path, name, actor, ctx.clock);
      // After the commit: the job reads what the import wrote, on a connection of its own.
      const warningsJobId = changedUids.length > 0 ? startWarningsRecompute(ctx, actor, 'enterpriseImport', changedUids) : null;
      changed(ctx, 'enterprises', changedUids);
      return { ...report, warningsJobId };
    }),
  enterprisesTemplate: (ctx, input) => writeEnterpriseTemplate(ctx.dataDir, input.format, input.locale, input.inline),
  tradeExposureImport: (ctx, input) =>
    withStagedFile(ctx, input.fileRef, input.fileName, async (path, name) => {
      const actor = actingAnalyst(ctx.db);
      const { changed: anyChanged, ...report } = await importTradeExposure(ctx.db, path, name, actor, ctx.clock);
      const warningsJobId = anyChanged ? startWarningsRecompute(ctx, actor, 'tradeExposure') : null;
      changed(ctx, 'enterprises');
      return { ...report, warningsJobId };
    }),
};
