import { describe, expect, it } from 'vitest';
import { commentOutcome, tallyOutcomes } from './comment-outcome';

describe('the outcome of a comment', () => {
  it('is adopted only when every point was adopted', () => {
    expect(commentOutcome(['adopted', 'adopted'])).toBe('adopted');
    expect(commentOutcome(['adopted', 'partly_adopted'])).toBe('partly_adopted');
  });

  it('is partly adopted when one point of several was partly adopted and the rest refused', () => {
    expect(commentOutcome(['partly_adopted', 'not_adopted', 'not_adopted'])).toBe('partly_adopted');
    expect(commentOutcome(['adopted', 'no_reply'])).toBe('partly_adopted');
  });

  it('is not adopted when no point was taken up, answered or not', () => {
    expect(commentOutcome(['not_adopted', 'no_reply'])).toBe('not_adopted');
  });

  it('awaits an outcome while any point has none, and without points', () => {
    expect(commentOutcome(['adopted', null])).toBe('awaiting');
    expect(commentOutcome([])).toBe('awaiting');
  });

  it('leaves points of a withdrawn measure out, and is withdrawn when nothing else is left', () => {
    expect(commentOutcome(['adopted', 'withdrawn'])).toBe('adopted');
    expect(commentOutcome(['withdrawn', 'withdrawn'])).toBe('withdrawn');
  });
});

describe('adoption rates', () => {
  it('are over the comments with an outcome, worked by hand: 1 adopted, 2 partly, 1 not, 2 awaiting, 1 withdrawn', () => {
    const t = tallyOutcomes(['adopted', 'partly_adopted', 'partly_adopted', 'not_adopted', 'awaiting', 'awaiting', 'withdrawn']);
    expect(t).toEqual({
      submitted: 7,
      adopted: 1,
      partlyAdopted: 2,
      notAdopted: 1,
      withdrawn: 1,
      awaiting: 2,
      decided: 4,
      fullyAdoptedRate: 0.25,
      atLeastPartlyRate: 0.75,
    });
  });

  it('have no value while nothing is decided', () => {
    expect(tallyOutcomes(['awaiting'])).toMatchObject({ decided: 0, fullyAdoptedRate: null, atLeastPartlyRate: null, awaiting: 1 });
  });
});
