export { readNotificationsFile, parseOnly, detectFormat, fileFormat } from './read-notifications-file';
export type { NotificationsFileReading, ParseOnlyResult } from './read-notifications-file';
export { DEFAULT_LIMITS, resolveLimits, type ImportLimits } from './limits';
export type {
  FileReport,
  ImportEvent,
  ImportFormat,
  ParsedNotification,
  ReadNotificationsOptions,
  RowRejection,
  TextEncoding,
} from './types';
