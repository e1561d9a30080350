import { useTranslation } from 'react-i18next';

/** An ordered list of short texts (talking points): add, edit, remove. */
export function TextListEditor({ label, lang, items, onChange }: { label: string; lang: string; items: string[]; onChange: (items: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="text-list">
      <legend>{label}</legend>
      <ol className="text-list-items">
        {items.map((item, i) => (
          <li key={i} className="text-list-item">
            <textarea
              rows={2}
              lang={lang}
              value={item}
              aria-label={t('commenting.concerns.itemLabel', { label, n: i + 1 })}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button type="button" className="button button-link button-link-danger" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('commenting.concerns.removeItem')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...items, ''])}>
        {t('commenting.concerns.addItem')}
      </button>
    </fieldset>
  );
}
