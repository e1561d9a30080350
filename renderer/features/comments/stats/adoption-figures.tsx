import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeTally } from '../../../../shared/contract';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRate } from '../comment-format';

/** One figure of a statistics row; with a formula, that is its hover text and its description. */
export function Figure({ label, value, formula, note }: { label: string; value: string; formula?: string; note?: string }) {
  const id = useId();
  const formulaId = useId();
  return (
    // The formula is the hover text and also the group's description, so a screen reader hears it too.
    <div className="stat" role="group" aria-labelledby={id} aria-describedby={formula ? formulaId : undefined} title={formula}>
      <span className="stat-value">{value}</span>
      <span className="stat-label" id={id}>
        {label}
      </span>
      {note ? <span className="stat-note muted">{note}</span> : null}
      {formula ? (
        <span id={formulaId} hidden>
          {formula}
        </span>
      ) : null}
    </div>
  );
}

/**
 * Submitted comments, fully and at least partly adopted over the comments with an outcome, and
 * how many still await one; each figure says on hover how it is worked out.
 */
export function AdoptionFigures({ tally }: { tally: OutcomeTally }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'commentChecks.adoption';
  const counts = { adopted: tally.adopted, partly: tally.partlyAdopted, not: tally.notAdopted, decided: tally.decided };
  return (
    <>
      <Figure
        label={t(`${k}.submitted`)}
        value={String(tally.submitted)}
        formula={t(`${k}.decided`, counts)}
        note={tally.withdrawn > 0 ? t(`${k}.withdrawn`, { count: tally.withdrawn }) : undefined}
      />
      <Figure label={t(`${k}.fullyRate`)} value={formatRate(tally.fullyAdoptedRate, locale)} formula={t(`${k}.fullyFormula`, counts)} note={t(`${k}.decided`, counts)} />
      <Figure label={t(`${k}.partlyRate`)} value={formatRate(tally.atLeastPartlyRate, locale)} formula={t(`${k}.partlyFormula`, counts)} />
      <Figure label={t(`${k}.awaiting`)} value={String(tally.awaiting)} formula={t(`${k}.awaitingFormula`)} />
    </>
  );
}
