import type { actingAsZhCN } from './acting-as-zh-CN';

/** The app-wide "acting as" switch in the header. */
export const actingAsEn: typeof actingAsZhCN = {
  actingAs: {
    label: 'Acting as',
    placeholder: 'Choose an analyst',
    hint: 'Every change on this workstation is recorded under the analyst chosen here (kept on this machine, for every screen).',
    none: 'The analyst list is empty; add analysts under Settings → Analysts first.',
    required: 'Choose who you are acting as first.',
    changed: 'Changes from now on are recorded as by {{name}}.',
  },
};
