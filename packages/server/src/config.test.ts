import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('turns the demo simulators on with the embedded database and off with PostgreSQL', () => {
    const pick = (env: Record<string, string>) => {
      const config = loadConfig(env);
      return [config.SIMULATORS, config.SIMULATOR_PORT_BASE];
    };
    expect(pick({})).toEqual([true, 3100]);
    expect(pick({ DATABASE_URL: 'postgres://db/app' })).toEqual([false, 3100]);
    expect(pick({ SIMULATORS: 'off' })).toEqual([false, 3100]);
    expect(pick({ DATABASE_URL: 'postgres://db/app', SIMULATORS: 'on' })).toEqual([true, 3100]);
    expect(pick({ SIMULATOR_PORT_BASE: '4100' })).toEqual([true, 4100]);
  });

  it('names a bad simulator setting', () => {
    expect(() => loadConfig({ SIMULATORS: 'yes', SIMULATOR_PORT_BASE: '65534' })).toThrow(
      /SIMULATORS: .*; SIMULATOR_PORT_BASE: /,
    );
  });

  it('puts PGlite beside the server by default and names a bad placement', () => {
    expect(loadConfig({}).PGLITE_CPU).toBe('adaptive');
    expect(loadConfig({ PGLITE_CPU: 'shared' }).PGLITE_CPU).toBe('shared');
    expect(loadConfig({ PGLITE_CPU: 'any' }).PGLITE_CPU).toBe('any');
    expect(() => loadConfig({ PGLITE_CPU: 'pinned' })).toThrow(/PGLITE_CPU: /);
  });
});
