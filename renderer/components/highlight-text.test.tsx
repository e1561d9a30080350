import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fromFirstHit, HighlightText } from './highlight-text';

describe('highlighted text', () => {
  it('marks the hits and leaves the rest as text', () => {
    const { container } = render(
      <HighlightText segments={[{ text: '沙特', hit: false }, { text: '冰箱', hit: true }, { text: '能效', hit: false }]} fallback="" />,
    );
    expect(container.textContent).toBe('沙特冰箱能效');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['冰箱']);
  });

  it('shows the plain text when there are no segments', () => {
    expect(render(<HighlightText segments={null} fallback="Refrigerators" />).container.textContent).toBe('Refrigerators');
  });

  it('brings a far hit to the front of a one-line snippet', () => {
    const lead = 'Minimum energy performance requirements for household ';
    expect(fromFirstHit([{ text: lead, hit: false }, { text: 'refrigerators', hit: true }], 10)).toEqual([
      { text: '…household ', hit: false },
      { text: 'refrigerators', hit: true },
    ]);
    const near = [{ text: 'the ', hit: false }, { text: 'fridge', hit: true }];
    expect(fromFirstHit(near, 10)).toBe(near);
  });
});
