import { describe, expect, it } from 'vitest';
import { classifyExternalLink, isAllowedExternalLink, isWebLink } from './external-links';

describe('classifyExternalLink', () => {
  it('allows https links to wto.org and its subdomains', () => {
    for (const url of [
      'https://wto.org/',
      'https://docs.wto.org/dol2fe/Pages/SS/directdoc.aspx?filename=q:/G/TBT/NSAU1234.pdf',
      'https://eping.wto.org/en/Search?viewData=G/TBT/N/SAU/1234',
      'https://TBTIMS.WTO.ORG/en/Notifications',
    ]) {
      expect(classifyExternalLink(url), url).toMatchObject({ kind: 'wto', allowed: true });
    }
  });

  it('allows https links to epingalert.org and its subdomains', () => {
    expect(classifyExternalLink('https://epingalert.org/en/Search')).toMatchObject({ kind: 'eping', allowed: true, host: 'epingalert.org' });
    expect(classifyExternalLink('https://www.epingalert.org/')).toMatchObject({ kind: 'eping', allowed: true });
  });

  it('refuses plain http even to an allowed site', () => {
    expect(classifyExternalLink('http://docs.wto.org/x.pdf')).toEqual({ kind: 'not-https', host: 'docs.wto.org', allowed: false });
  });

  it('refuses lookalike and other hosts', () => {
    for (const url of [
      'https://evilwto.org/',
      'https://wto.org.evil.example/',
      'https://docs.wto.org.attacker.net/a.pdf',
      'https://epingalert.org.example.com/',
      'https://example.com/\\@docs.wto.org',
      'https://gso.org.sa/standard.pdf',
    ]) {
      expect(classifyExternalLink(url), url).toMatchObject({ kind: 'other-host', allowed: false });
    }
  });

  it('refuses credentials and non-default ports', () => {
    expect(classifyExternalLink('https://user:pw@docs.wto.org/')).toMatchObject({ kind: 'unsafe', allowed: false });
    expect(classifyExternalLink('https://docs.wto.org@evil.example/')).toMatchObject({ kind: 'unsafe', allowed: false });
    expect(classifyExternalLink('https://docs.wto.org:8443/')).toMatchObject({ kind: 'unsafe', allowed: false });
    expect(classifyExternalLink('https://docs.wto.org:443/a')).toMatchObject({ kind: 'wto', allowed: true });
  });

  it('refuses what is not a web address', () => {
    for (const value of ['', 'javascript:alert(1)', 'file:///etc/passwd', 'docs.wto.org/a.pdf', 'data:text/html,x', 42, null]) {
      expect(classifyExternalLink(value)).toEqual({ kind: 'invalid', host: null, allowed: false });
    }
    expect(classifyExternalLink(`https://docs.wto.org/${'a'.repeat(3000)}`).kind).toBe('invalid');
  });

  it('answers the yes-or-no question the shell asks', () => {
    expect(isAllowedExternalLink('https://docs.wto.org/a.pdf')).toBe(true);
    expect(isAllowedExternalLink('http://docs.wto.org/a.pdf')).toBe(false);
  });
});

describe('isWebLink', () => {
  it('accepts http and https addresses of any site', () => {
    expect(isWebLink('https://www.uzstandard.uz/ru/documents/123')).toBe(true);
    expect(isWebLink('http://gosstandart.gov.by/page')).toBe(true);
  });

  it('rejects other schemes, credentials and garbage', () => {
    for (const value of ['ftp://example.com/a', 'javascript:alert(1)', 'www.wto.org', 'https://u:p@wto.org/', '']) {
      expect(isWebLink(value), value).toBe(false);
    }
  });
});
