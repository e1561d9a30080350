/**
 * The shell's security policy as pure decisions, so each rule is unit-tested without Electron.
 * harden.ts and ipc.ts apply them to sessions, web contents and IPC events.
 */

/** The custom scheme the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pingyi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Hosts an analyst may be sent to from the app: the WTO sites where notification texts, ePing
 * and the TBT/SPS information systems live. Anything else stays closed rather than opening a
 * browser on a link a crafted import file could carry.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'wto.org',
  'www.wto.org',
  'docs.wto.org',
  'eping.wto.org',
  'epingalert.org',
  'www.epingalert.org',
  'tbtims.wto.org',
  'spsims.wto.org',
]);

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

function isWtoHost(hostname: string): boolean {
  // The leading dot keeps lookalikes such as "evilwto.org" out; a trailing-dot FQDN is refused
  // because it names the same host in a form no allowlist entry uses.
  return EXTERNAL_HOSTS.has(hostname) || hostname.endsWith('.wto.org');
}

/**
 * May this URL be handed to the system browser? Only https, on the default port, without
 * credentials, to a WTO host (an allowlisted host or any subdomain of wto.org).
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:') return false;
  // URL drops ":443" for https, so any port left over is a non-default one.
  if (parsed.port !== '') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return isWtoHost(parsed.hostname.toLowerCase());
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
