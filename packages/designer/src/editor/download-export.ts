import type { Flow } from '@attendflow/engine';
import type { FlowExport } from '../api/flows-api';

/** The export envelope of a document: the same shape `GET /flows/:id/export` gives and import takes. */
export function exportEnvelope(flow: Flow, at: Date): FlowExport {
  return { attendflowExport: 1, name: flow.name, exportedAt: at.toISOString(), document: flow };
}

/** Saves the draft as `<name>.flow.json` through the browser. */
export function downloadExport(flow: Flow): void {
  const blob = new Blob([JSON.stringify(exportEnvelope(flow, new Date()), null, 2)], {
    type: 'application/json',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${
    flow.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'flow'
  }.flow.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}
