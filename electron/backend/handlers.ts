import { analystHandlers } from './analysts/analyst-handlers';
import { appHandlers } from './app/app-handlers';
import { backupHandlers } from './backups/backup-handlers';
import { commentAsyncHandlers, commentHandlers } from './comments/comment-handlers';
import { storeHealthAsyncHandlers, storeHealthHandlers } from './faults/store-health-handlers';
import type { AsyncHandlerTable, HandlerTable } from './handler-types';
import { importHandlers } from './imports/import-handlers';
import { jobHandlers } from './jobs/job-handlers';
import { notificationDetailHandlers } from './notifications/detail-handlers';
import { notificationListHandlers } from './notifications/list-handlers';
import { tradeConcernAsyncHandlers, tradeConcernHandlers } from './trade-concerns/trade-concern-handlers';
import { enterpriseAsyncHandlers, enterpriseHandlers } from './enterprises/enterprise-handlers';
import { warningHandlers } from './warnings/warning-handlers';
import { letterAsyncHandlers, letterHandlers } from './warnings/letters/letter-handlers';
import { dashboardHandlers } from './dashboard/dashboard-handlers';
import { exportAsyncHandlers, exportHandlers } from './exports/export-handlers';
import { reportAsyncHandlers, reportHandlers } from './reports/report-handlers';

export type { AsyncHandlerTable, Handler, HandlerTable } from './handler-types';

/** One handler per synchronous channel; the type makes a missing or extra one a compile error. */
export const handlers: HandlerTable = {
  ...appHandlers,
  ...analystHandlers,
  ...notificationListHandlers,
  ...notificationDetailHandlers,
  ...importHandlers,
  ...jobHandlers,
  ...commentHandlers,
  ...tradeConcernHandlers,
  ...storeHealthHandlers,
  ...backupHandlers,
  ...enterpriseHandlers,
  ...warningHandlers,
  ...letterHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...reportHandlers,
};

/** One handler per asynchronous channel (see AsyncChannel). */
export const asyncHandlers: AsyncHandlerTable = {
  ...commentAsyncHandlers,
  ...tradeConcernAsyncHandlers,
  ...storeHealthAsyncHandlers,
  ...enterpriseAsyncHandlers,
  ...letterAsyncHandlers,
  ...exportAsyncHandlers,
  ...reportAsyncHandlers,
};
