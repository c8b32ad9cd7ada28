import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import {
  discriminatorOf,
  emptyValueOf,
  fieldKindOf,
  nullableInner,
  optionLabel,
  resolveRef,
  variantLabel,
  type FieldSchema,
} from './field-schema';
import { DurationInput } from './fields/DurationInput';
import type { FieldProps } from './fields/field-props';
import { SecretInput } from './fields/SecretInput';
import { TemplateInput } from './fields/TemplateInput';
import { WeeklyHoursInput } from './fields/WeeklyHoursInput';
import { pathKey } from './value-path';

/** One settings field, drawn from its JSON Schema; objects, lists and unions recurse. */
export function Field(props: FieldProps & { name: string }) {
  const { t } = useI18n();
  const schema = resolveRef(props.schema, props.root);
  const inner = nullableInner(schema);
  const id = `field-${pathKey(props.path)}`;
  const label = schema.label ?? props.name;
  const errors = props.errors.get(pathKey(props.path)) ?? [];
  const isNull = inner !== null && (props.value === null || props.value === undefined);
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`} data-field={pathKey(props.path)}>
      <label htmlFor={id}>{label}</label>
      {inner && (
        <label className="inline small">
          <input
            type="checkbox"
            checked={!isNull}
            onChange={(e) =>
              props.onChange(props.path, e.target.checked ? emptyValueOf(inner, props.root) : null)
            }
          />
          {t('inspector.enable')}
        </label>
      )}
      {!isNull && <Input {...props} schema={inner ?? schema} id={id} />}
      {schema.help && <p className="help">{schema.help}</p>}
      {errors.map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}

function Input(props: FieldProps & { id: string }) {
  const { schema, path, value, onChange, id } = props;
  const set = (next: unknown) => onChange(path, next);
  const type = (next: unknown) => onChange(path, next, true);
  const text = typeof value === 'string' ? value : '';
  switch (fieldKindOf(schema)) {
    case 'text':
      return (
        <input
          id={id}
          value={text}
          placeholder={schema.placeholder}
          readOnly={schema.readOnly}
          onChange={(e) => type(e.target.value)}
        />
      );
    case 'textarea':
      return <textarea id={id} value={text} rows={3} onChange={(e) => type(e.target.value)} />;
    case 'template':
      return <TemplateInput id={id} value={text} variables={props.variables} onChange={type} />;
    case 'secret':
      return <SecretInput id={id} value={text} onChange={type} />;
    case 'number':
      return (
        <input
          id={id}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => type(e.target.valueAsNumber)}
        />
      );
    case 'duration':
      return (
        <DurationInput
          id={id}
          value={value as { amount?: number; unit?: string } | null}
          onChange={set}
        />
      );
    case 'switch':
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => set(e.target.checked)}
        />
      );
    case 'select':
      return (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
        >
          {(schema.enum ?? []).map((option) => (
            <option key={String(option)} value={String(option)}>
              {optionLabel(schema, option)}
            </option>
          ))}
        </select>
      );
    case 'multiselect':
      return <MultiSelect {...props} />;
    case 'weekly':
      return <WeeklyHoursInput value={value} onChange={set} />;
    case 'list':
      return <ListInput {...props} />;
    case 'union':
      return <UnionInput {...props} />;
    case 'object':
      return <ObjectFields {...props} />;
    case 'json':
      return <JsonInput id={id} value={value} onChange={set} />;
  }
}

/** The fields of an object schema, in declaration order (except `omit`). */
export function ObjectFields(props: FieldProps & { omit?: string }) {
  const schema = resolveRef(props.schema, props.root);
  const object = (
    typeof props.value === 'object' && props.value !== null ? props.value : {}
  ) as Record<string, unknown>;
  return (
    <div className="object-fields">
      {Object.entries(schema.properties ?? {})
        .filter(([key]) => key !== props.omit)
        .map(([key, child]) => (
          <Field
            {...props}
            key={key}
            name={key}
            schema={child}
            path={[...props.path, key]}
            value={object[key]}
          />
        ))}
    </div>
  );
}

function ListInput(props: FieldProps) {
  const { t } = useI18n();
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemSchema: FieldSchema = props.schema.items ?? {};
  return (
    <div className="list-input">
      {items.map((item, index) => (
        <div key={index} className="list-item">
          <Field
            {...props}
            name={t('inspector.item', { index: index + 1 })}
            schema={itemSchema}
            path={[...props.path, index]}
            value={item}
          />
          <button
            type="button"
            onClick={() =>
              props.onChange(
                props.path,
                items.filter((_, i) => i !== index),
              )
            }
          >
            {t('inspector.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => props.onChange(props.path, [...items, emptyValueOf(itemSchema, props.root)])}
      >
        {t('inspector.add')}
      </button>
    </div>
  );
}

function MultiSelect(props: FieldProps) {
  const options = props.schema.items?.enum ?? props.schema.enum ?? [];
  const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  return (
    <div className="row wrap">
      {options.map((option) => (
        <label key={String(option)} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(e) =>
              props.onChange(
                props.path,
                e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option),
              )
            }
          />
          {optionLabel(props.schema, option)}
        </label>
      ))}
    </div>
  );
}

function UnionInput(props: FieldProps) {
  const variants = props.schema.oneOf ?? [];
  const discriminator = discriminatorOf(variants);
  if (!discriminator)
    return <JsonInput id="" value={props.value} onChange={(v) => props.onChange(props.path, v)} />;
  const current = (props.value as Record<string, unknown> | null)?.[discriminator.key];
  const index = Math.max(0, discriminator.values.indexOf(current));
  const variant = variants[index] ?? {};
  return (
    <div className="union">
      <select
        value={String(discriminator.values[index])}
        onChange={(e) => {
          const next = variants[discriminator.values.map(String).indexOf(e.target.value)];
          if (next) props.onChange(props.path, emptyValueOf(next, props.root));
        }}
      >
        {discriminator.values.map((value, i) => (
          <option key={String(value)} value={String(value)}>
            {variantLabel(variants[i] ?? {}, discriminator.key, value)}
          </option>
        ))}
      </select>
      <ObjectFields {...props} schema={variant} omit={discriminator.key} />
    </div>
  );
}

function JsonInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [isInvalid, setInvalid] = useState(false);
  return (
    <>
      <textarea
        id={id}
        value={text}
        rows={4}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {isInvalid && <p className="field-error">{t('inspector.jsonInvalid')}</p>}
    </>
  );
}
