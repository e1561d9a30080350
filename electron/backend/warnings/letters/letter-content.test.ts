import { describe, expect, it } from 'vitest';
import { defaultResponse, firstParagraph } from './letter-content';
import { escapeHtml, letterHtml } from './letter-html';

const today = '2026-11-20';

describe('the recommended response when no analyst planned one', () => {
  it('is a comment while the comment period is open, for any warning worth a letter', () => {
    expect(defaultResponse('red', 'ban', '2026-12-20', today)).toBe('comment');
    expect(defaultResponse('yellow', null, today, today)).toBe('comment');
  });

  it('follows the nature once the period is over or when there is none', () => {
    expect(defaultResponse('red', 'conformity', '2026-11-19', today)).toBe('certify');
    for (const nature of ['ban', 'emergency', 'residueLimit', 'labelling'] as const) expect(defaultResponse('orange', nature, null, today)).toBe('adapt');
    expect(defaultResponse('orange', 'standard', null, today)).toBe('monitor');
    expect(defaultResponse('orange', null, 'upon publication', today)).toBe('monitor');
  });

  it('is to watch a blue warning, even with the period open', () => {
    expect(defaultResponse('blue', 'regulation', '2026-12-20', today)).toBe('monitor');
  });
});

describe('what a measure requires, as one paragraph', () => {
  it('takes the first non-empty paragraph', () => {
    expect(firstParagraph('\n  第一段。\n\n第二段。')).toBe('第一段。');
  });

  it('cuts a long paragraph after a sentence, or marks the cut', () => {
    const sentence = '该法规规定了电池的安全要求。';
    const long = sentence.repeat(40);
    const cut = firstParagraph(long);
    expect(cut.length).toBeLessThanOrEqual(400);
    expect(cut.endsWith('。')).toBe(true);
    expect(firstParagraph('字'.repeat(500))).toBe(`${'字'.repeat(400)}……`);
  });
});

describe('the letter as HTML', () => {
  it('escapes every text it carries', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    const html = letterHtml([{ kind: 'heading', text: '一、<img src=x onerror=alert(1)>' }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('sets the GB/T 9704 page and page numbers in its own CSS, and loads nothing', () => {
    const html = letterHtml([{ kind: 'title', text: '技术性贸易措施风险预警函' }]);
    expect(html).toContain('size: A4;');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(html).toContain('@bottom-right { content: "— " counter(page) " —"');
    expect(html).toContain('@bottom-left { content: "— " counter(page) " —"');
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});
