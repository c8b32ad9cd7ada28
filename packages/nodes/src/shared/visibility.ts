import { ui } from '@attendflow/engine';
import { z } from 'zod';

/**
 * The visibility a node asks for: `default` leaves it to the channel (web chat and Wish have only
 * public messages; Reclame Aqui sends automatic messages privately whatever is asked).
 */
export const visibilityField = () =>
  ui(z.enum(['default', 'public', 'private']).default('default'), {
    label: 'Visibility',
    widget: 'select',
    help: 'Where the channel has public and private messages. Reclame Aqui sends every automatic message privately.',
  });

/** The visibility to request from the engine: `undefined` for the channel's default. */
export function requestedVisibility(
  visibility: 'default' | 'public' | 'private',
): 'public' | 'private' | undefined {
  return visibility === 'default' ? undefined : visibility;
}
