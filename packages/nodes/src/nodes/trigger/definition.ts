import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';

/** Where every flow starts: a new conversation on the flow's channel connection. */
export const trigger = defineNode({
  type: 'trigger',
  version: 1,
  label: 'Start',
  description: 'Starts the flow for each new conversation.',
  category: 'trigger',
  icon: 'play',
  waits: false,
  isEntry: true,
  ports: ['next'],
  settings: z.object({
    description: ui(z.string().max(500).default(''), { label: 'Description', widget: 'textarea' }),
  }),
  summary: (settings) => settings.description || 'New conversation',
});
