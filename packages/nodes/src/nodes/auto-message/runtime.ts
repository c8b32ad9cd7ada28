import { defineNodeRuntime } from '@attendflow/engine';
import { autoMessage } from './definition.js';
import { requestedVisibility } from '../../shared/visibility.js';

/** Renders the template and sends it; a message a channel rule blocks is reported, and the flow goes on. */
export const autoMessageRuntime = defineNodeRuntime(autoMessage, {
  enter(ctx) {
    ctx.send({
      text: ctx.render(ctx.settings.text),
      visibility: requestedVisibility(ctx.settings.visibility),
      attachments: ctx.settings.attachments,
    });
    return 'next';
  },
});
