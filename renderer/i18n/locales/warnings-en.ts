import type { warningsZhCN } from './warnings-zh-CN';

export const warningsEn: typeof warningsZhCN = {
  warningWords: {
    levels: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
    levelsShort: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
    states: { new: 'New', acknowledged: 'Acknowledged', planned: 'Response planned', closed: 'Closed' },
    match: { direct: 'Direct', broad: 'Broad', text: 'Text' },
    responses: { comment: 'Submit a comment', adapt: 'Adapt the product', certify: 'Obtain testing or certification', monitor: 'Monitor' },
    factors: {
      exposure: 'Exports at stake',
      match: 'Product match',
      nature: 'Nature of the measure',
      deviation: 'Deviation from international standards',
      commentWindow: 'Comment period',
      entryIntoForce: 'Entry into force',
      shortInterval: 'Interval under six months',
      focusIndustry: 'Focus industry',
      laterDocuments: 'Later documents',
    },
    factorHelp: {
      exposure: "The enterprise's annual exports of the matched HS codes to the members the measure covers; customs statistics where it gave no figure",
      match: 'The same HS line is a direct match; the same heading or chapter a broad one; only words of the text a text match',
      nature: "Read from the notification's title, description, keywords and objectives: ban, residue limit, mandatory certification, technical regulation, labelling, voluntary standard; an SPS emergency counts as a ban",
      deviation: 'The notification states that it departs from an international standard (Codex, WOAH, IPPC, ISO, IEC)',
      commentWindow: 'The closer the final date for comments, the more points; none once it has passed',
      entryIntoForce: 'The closer the entry into force, the more points',
      shortInterval: 'Less than six months between adoption and entry into force (TBT Agreement, Art. 2.12)',
      focusIndustry: 'The products concerned belong to a focus industry',
      laterDocuments: 'An addendum saying the measure was adopted or entered into force raises urgency; a withdrawal closes the warning',
    },
  },
};
