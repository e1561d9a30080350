import { useTranslation } from 'react-i18next';
import type { CommentDiff, DiffSegment, FieldDiff } from '../../../../shared/contract';

function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <span className="diff-text">
      {segments.map((s, i) =>
        s.op === 'insert' ? (
          <ins key={i}>{s.text}</ins>
        ) : s.op === 'delete' ? (
          <del key={i}>{s.text}</del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

function FieldDiffs({ fields }: { fields: FieldDiff[] }) {
  const { t } = useTranslation();
  return (
    <dl className="diff-fields">
      {fields.map((f) => (
        <div key={f.field} className="diff-field">
          <dt>{t(`commenting.history.fields.${f.field}`)}</dt>
          <dd>
            <Segments segments={f.segments} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Two versions side by side in one text: insertions underlined green, deletions struck red. */
export function DiffView({ diff }: { diff: CommentDiff }) {
  const { t } = useTranslation();
  const { summary } = diff;
  const changedPoints = diff.points.filter((p) => p.change !== 'unchanged' || p.moved);
  return (
    <div className="diff" aria-label={t('commenting.history.diffTitle', { from: diff.fromVersion, to: diff.toVersion })} role="region">
      <h4 className="diff-title">{t('commenting.history.diffTitle', { from: diff.fromVersion, to: diff.toVersion })}</h4>
      <p className="muted">{t('commenting.history.summary', summary)}</p>
      {diff.title.length === 0 && changedPoints.length === 0 ? <p>{t('commenting.history.noChange')}</p> : null}
      {diff.title.length > 0 ? <FieldDiffs fields={diff.title} /> : null}
      {changedPoints.map((p) => (
        <div key={p.key} className={`diff-point diff-point-${p.change}`}>
          <h5 className="diff-point-title">
            {t('commenting.editor.point', { n: p.toPosition ?? p.fromPosition ?? 0 })}
            <span className="badge">{t(`commenting.history.change.${p.change}`)}</span>
            {p.moved ? <span className="muted">{t('commenting.history.moved', { from: p.fromPosition ?? 0, to: p.toPosition ?? 0 })}</span> : null}
          </h5>
          <FieldDiffs fields={p.fields} />
        </div>
      ))}
    </div>
  );
}
