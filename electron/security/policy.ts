/**
 * The shell's security policy as pure decisions, so each rule is unit-tested without Electron.
 * harden.ts and ipc.ts apply them to sessions, web contents and IPC events.
 */
import { isAllowedExternalLink } from '../../shared/domain/external-links';

/** The custom scheme the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pingyi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longer strings are refused outright: no real WTO link is near this size. */
const MAX_URL_LENGTH = 2048;

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * May this URL be handed to the system browser? Only https, on the default port, without
 * credentials, to wto.org or epingalert.org or a subdomain of either (shared/domain/external-links).
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  // One rule for the whole app: the renderer shows links as openable by the same function.
  return isAllowedExternalLink(url);
}

/** Is this URL a page of the app itself (app://pingyi/...)? */
function isAppUrl(parsed: URL, appOrigin: string): boolean {
  const app = parseUrl(appOrigin);
  if (!app) return false;
  // Compared field by field: Node's URL reports origin "null" for custom schemes.
  return (
    parsed.protocol === app.protocol &&
    parsed.host === app.host &&
    parsed.host !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export type NavigationDecision = 'allow' | 'deny';

/** A top-level or frame navigation is allowed only within the app's own origin. */
export function decideNavigation(targetUrl: unknown, appOrigin: string = APP_ORIGIN): NavigationDecision {
  const parsed = parseUrl(targetUrl);
  return parsed && isAppUrl(parsed, appOrigin) ? 'allow' : 'deny';
}

export interface WindowOpenDecision {
  /** The app never opens a second Electron window. */
  action: 'deny';
  /** What to do instead: hand an allowlisted link to the system browser, or nothing. */
  sideEffect: 'open-external' | 'none';
}

/** window.open and target=_blank links: never a new window; WTO links go to the browser. */
export function decideWindowOpen(url: unknown): WindowOpenDecision {
  return { action: 'deny', sideEffect: isAllowedExternalUrl(url) ? 'open-external' : 'none' };
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reads, HID, serial and the rest:
 * an offline assessment tool needs none of them, so every request and check is refused.
 */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** IPC is answered only for frames showing the app's own page. */
export function isTrustedSender(frameUrl: unknown, appOrigin: string = APP_ORIGIN): boolean {
  const parsed = parseUrl(frameUrl);
  return parsed !== null && isAppUrl(parsed, appOrigin);
}

/**
 * Network requests the renderer may make. The app is offline: its page, scripts and styles come
 * from app://, and data:/blob: serve images built in the page. The CSP says the same; this is
 * the second lock, enforced by the session where a page cannot change it.
 */
export function isAllowedRequestUrl(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  return isAppUrl(parsed, appOrigin);
}

/** The parts of node:path used here; tests pass path.posix or path.win32. */
export interface PathApi {
  resolve(...segments: string[]): string;
  extname(p: string): string;
  sep: string;
}

/** Attachment types handed to the system's own viewer; HTML stays a path, it could run script. */
const OPENABLE_ATTACHMENT_TYPES = new Set(['.pdf', '.docx', '.doc', '.xlsx', '.txt']);

/**
 * May main hand this stored attachment to shell.openPath? Only a file inside the data folder's
 * attachments/ tree (the backend returns a hash-checked copy there) and only a document type.
 */
export function isOpenableAttachment(dataDir: string, filePath: unknown, pathApi: PathApi): boolean {
  if (typeof filePath !== 'string' || filePath.length === 0 || filePath.includes('\0')) return false;
  const root = pathApi.resolve(dataDir, 'attachments') + pathApi.sep;
  const resolved = pathApi.resolve(filePath);
  if (!resolved.startsWith(root)) return false;
  return OPENABLE_ATTACHMENT_TYPES.has(pathApi.extname(resolved).toLowerCase());
}
