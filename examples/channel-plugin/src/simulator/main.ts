import { startVibeSimulator } from './simulator.js';

// A standalone simulator for demos: `pnpm simulator` (VIBE_TOKEN and PORT are optional).
const sim = await startVibeSimulator({
  authToken: process.env['VIBE_TOKEN'] ?? 'demo-token-0123456789abcdef',
  port: Number(process.env['PORT'] ?? 0),
});
console.log(`Vibe simulator on ${sim.url} (API under /pa/, control plane under /__sim/)`);
process.once('SIGINT', () => void sim.close());
process.once('SIGTERM', () => void sim.close());
