import type { WarningRules } from '../contract/warnings';

/**
 * The rules Pingyi starts with (Settings › Risk warnings changes them). Weights are the most
 * points each factor can give and add up to 100, so the score is their sum; the README's
 * "Risk warnings" section explains each factor and why it weighs what it does.
 */
export const DEFAULT_WARNING_RULES: WarningRules = {
  weights: {
    exposure: 25,
    match: 20,
    nature: 20,
    deviation: 8,
    commentWindow: 8,
    entryIntoForce: 6,
    shortInterval: 5,
    focusIndustry: 5,
    laterDocuments: 3,
  },
  thresholds: { red: 70, orange: 50, yellow: 30 },
  lookbackDays: 365,
};
