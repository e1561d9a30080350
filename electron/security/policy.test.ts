import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isOpenableAttachment,
  isTrustedSender,
} from './policy';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://wto.org/',
    'https://www.wto.org/english/tratop_e/tbt_e/tbt_e.htm',
    'https://docs.wto.org/dol2fe/Pages/FE_Search/FE_S_S006.aspx?Query=G/TBT/N/ARE/1',
    'https://eping.wto.org/en/Search?viewData=G/TBT/N/SAU/1',
    'https://epingalert.org/en',
    'https://www.epingalert.org/en/Search',
    'https://api.epingalert.org/', // the whole epingalert.org domain is the ePing platform's
    'https://tbtims.wto.org/en/Notifications/Search',
    'https://spsims.wto.org/en/Notifications/Search',
    'https://members.wto.org/crnattachments/2024/TBT/ARE/24_0001_00_e.pdf',
    'https://WWW.WTO.ORG/english/',
    'https://www.wto.org:443/english/',
  ])('lets the system browser open the WTO link %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.wto.org/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a host ending in wto.org without a dot', 'https://evilwto.org/'],
    ['wto.org as a subdomain of another host', 'https://wto.org.evil.com/'],
    ['epingalert.org as a subdomain of another host', 'https://epingalert.org.evil.com/'],
    ['credentials before the host', 'https://user:pass@www.wto.org/'],
    ['a user name that looks like the host', 'https://www.wto.org@evil.com/'],
    ['a backslash trick', 'https://evil.com\\@www.wto.org/'],
    ['a non-default port', 'https://www.wto.org:8443/'],
    ['port 80 on https', 'https://www.wto.org:80/'],
    ['a trailing-dot host', 'https://www.wto.org./'],
    ['an IP address', 'https://104.16.0.1/'],
    ['an unrelated site', 'https://example.com/'],
    ['a relative URL', '/english/'],
    ['an empty string', ''],
    ['an over-long URL', `https://www.wto.org/${'a'.repeat(3000)}`],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl(null)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://www.wto.org/' })).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('allows pages of the app itself', () => {
    expect(decideNavigation(APP_ENTRY_URL, APP_ORIGIN)).toBe('allow');
    expect(decideNavigation('app://pingyi/', APP_ORIGIN)).toBe('allow');
    expect(decideNavigation('app://pingyi/notifications?area=TBT#top', APP_ORIGIN)).toBe('allow');
  });

  it.each([
    'https://example.com/',
    'https://www.wto.org/',
    'http://127.0.0.1:5173/',
    'file:///C:/Windows/System32/',
    'app://other/index.html',
    'app://pingyi.evil.com/index.html',
    'app://user@pingyi/index.html',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('denies a navigation to %s', (url) => {
    expect(decideNavigation(url, APP_ORIGIN)).toBe('deny');
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, and sends WTO links to the system browser', () => {
    expect(decideWindowOpen('https://eping.wto.org/en')).toEqual({ action: 'deny', sideEffect: 'open-external' });
  });

  it('opens nothing at all for other links', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'deny', sideEffect: 'none' });
    expect(decideWindowOpen(APP_ENTRY_URL)).toEqual({ action: 'deny', sideEffect: 'none' });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', sideEffect: 'none' });
  });
});

describe('decidePermission', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'refuses %s',
    (permission) => {
      expect(decidePermission(permission)).toBe(false);
    },
  );
});

describe('isTrustedSender', () => {
  it('trusts only frames showing the app page', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('app://pingyi/settings')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('app://evil/index.html')).toBe(false);
    expect(isTrustedSender('file:///dist/renderer/index.html')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it('lets the page load only its own files and in-page data', () => {
    expect(isAllowedRequestUrl('app://pingyi/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://pingyi/0b5a3c1e-1111-2222-3333-444455556666')).toBe(true);
    expect(isAllowedRequestUrl('https://www.wto.org/')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/api/appInfo')).toBe(false);
    expect(isAllowedRequestUrl('wss://example.com/socket')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
  });
});

describe('isOpenableAttachment', () => {
  const data = '/home/a/.config/Pingyi';
  it('opens document copies inside the attachments folder', () => {
    expect(isOpenableAttachment(data, `${data}/attachments/opened/ab12/regulation.pdf`, path.posix)).toBe(true);
    expect(isOpenableAttachment(data, `${data}/attachments/opened/ab12/Draft.DOCX`, path.posix)).toBe(true);
  });
  it('refuses anything outside it, traversal, HTML and executables', () => {
    expect(isOpenableAttachment(data, '/etc/passwd.txt', path.posix)).toBe(false);
    expect(isOpenableAttachment(data, `${data}/attachments/../pingyi.sqlite3`, path.posix)).toBe(false);
    expect(isOpenableAttachment(data, `${data}/attachments-evil/x.pdf`, path.posix)).toBe(false);
    expect(isOpenableAttachment(data, `${data}/attachments/opened/ab/page.html`, path.posix)).toBe(false);
    expect(isOpenableAttachment(data, `${data}/attachments/opened/ab/setup.exe`, path.posix)).toBe(false);
    expect(isOpenableAttachment(data, 42, path.posix)).toBe(false);
  });
});
