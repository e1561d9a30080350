import type { Session, WebContents } from 'electron';
import {
  APP_ORIGIN,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
} from '../security/policy';

/** Hands a vetted URL to the system browser (shell.openExternal in the app). */
export type OpenExternal = (url: string) => void;

/**
 * Network schemes the session intercepts. Custom schemes are left out: app:// is served by
 * the app's own handler and data:/blob: never reach the network.
 */
const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'];

/**
 * Session-wide locks: no permission is ever granted, no device is ever shared, and no request
 * leaves the machine, whatever a page or a dependency of the renderer tries.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

/**
 * Per web contents (every window, the devtools, anything created later): the page cannot
 * navigate away from the app, open windows, or attach webviews. WTO links the user follows go
 * to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal, appOrigin: string = APP_ORIGIN): void {
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (decideNavigation(url, appOrigin) === 'allow') return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    // Main-frame navigations were handled by will-navigate; this catches frames.
    if (!event.isMainFrame && decideNavigation(event.url, appOrigin) !== 'allow') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, appOrigin) !== 'allow') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.sideEffect === 'open-external') openExternal(url);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
