import { useI18n } from '../../i18n/I18nProvider';

const units = ['seconds', 'minutes', 'hours', 'days'] as const;

/** A duration as an amount and a unit. */
export function DurationInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: { amount?: number; unit?: string } | null;
  onChange: (value: { amount: number; unit: string }) => void;
}) {
  const { t } = useI18n();
  const amount = value?.amount ?? 0;
  const unit = value?.unit ?? 'minutes';
  return (
    <div className="row">
      <input
        id={id}
        type="number"
        min={0}
        step="any"
        value={amount}
        onChange={(e) => onChange({ amount: e.target.valueAsNumber || 0, unit })}
      />
      <select value={unit} onChange={(e) => onChange({ amount, unit: e.target.value })}>
        {units.map((u) => (
          <option key={u} value={u}>
            {t(`inspector.unit.${u}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
