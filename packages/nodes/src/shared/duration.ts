import { ui } from '@attendflow/engine';
import { z } from 'zod';
import { isPortuguese } from './locale.js';

const unitMs = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** A duration as admins enter it: an amount and a unit. */
export const durationSchema = z.object({
  amount: z.number().positive('must be greater than zero'),
  unit: z.enum(['seconds', 'minutes', 'hours', 'days']),
});

/** {@link durationSchema}'s type. */
export type DurationSetting = z.infer<typeof durationSchema>;

/**
 * A duration field with its UI metadata.
 *
 * @example
 * z.object({ timeout: durationField('Timeout', { amount: 10, unit: 'minutes' }) })
 */
export function durationField(label: string, fallback: DurationSetting, help?: string) {
  return ui(durationSchema.default(fallback), {
    label,
    widget: 'duration',
    ...(help ? { help } : {}),
  });
}

/** Milliseconds of a duration setting. */
export function durationMs(duration: DurationSetting): number {
  return Math.round(duration.amount * unitMs[duration.unit]);
}

const unitsPtBr = {
  seconds: ['segundo', 'segundos'],
  minutes: ['minuto', 'minutos'],
  hours: ['hora', 'horas'],
  days: ['dia', 'dias'],
} as const;

/** `10 minutes`, `1 hour`; `10 minutos`, `1,5 hora` in Portuguese. */
export function formatDuration(duration: DurationSetting, locale = 'en'): string {
  if (isPortuguese(locale)) {
    const [one, many] = unitsPtBr[duration.unit];
    return `${String(duration.amount).replace('.', ',')} ${duration.amount < 2 ? one : many}`;
  }
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.amount} ${unit}`;
}
