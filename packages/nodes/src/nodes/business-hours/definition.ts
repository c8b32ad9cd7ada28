import { defineNode, fieldsAt, ui } from '@attendflow/engine';
import { z } from 'zod';
import { businessHoursSchema } from '../../shared/business-hours.js';
import { describeSchedule } from '../../shared/describe-schedule.js';
import { schedulePtBr } from '../../shared/pt-br.js';

/** Branches on whether the attendance is open now: `open` or `closed`. */
export const businessHours = defineNode({
  type: 'business-hours',
  version: 1,
  label: 'Business hours',
  description:
    'Leaves through "open" within the schedule (local time of its zone), else through "closed".',
  category: 'logic',
  icon: 'clock',
  waits: false,
  ports: ['open', 'closed'],
  settings: z.object({
    schedule: ui(businessHoursSchema.prefault({}), {
      label: 'Schedule',
      widget: 'schedule',
      help: 'Weekly shifts, holidays and special dates; 22:00–02:00 runs past midnight.',
    }),
  }),
  summary: (settings, { locale }) => describeSchedule(settings.schedule, locale),
  i18n: {
    'pt-BR': {
      label: 'Horário de atendimento',
      description:
        'Sai por “aberto” dentro do horário (hora local do fuso escolhido); senão, por “fechado”.',
      ports: { open: 'aberto', closed: 'fechado' },
      fields: {
        schedule: {
          label: 'Horário',
          help: 'Turnos semanais, feriados e datas especiais; 22:00–02:00 passa da meia-noite.',
        },
        ...fieldsAt('schedule', schedulePtBr),
      },
    },
  },
});
