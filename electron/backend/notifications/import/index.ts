export { readNotificationsFile, parseOnly, detectFormat } from './read-notifications-file';
export type { NotificationsFileReading, ParseOnlyResult } from './read-notifications-file';
export { DEFAULT_LIMITS, type ImportLimits } from './limits';
export type {
  FileReport,
  ImportEvent,
  ImportFormat,
  ParsedNotification,
  ReadNotificationsOptions,
  RowRejection,
  TextEncoding,
} from './types';
