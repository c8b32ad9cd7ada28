import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../db/database.js';
import { flows, flowVersions } from '../db/schema/index.js';
import { greetingFlow } from '../testing/seed.js';
import { testBackends } from '../testing/test-databases.js';
import { FlowVersionCache } from './flow-versions.js';

/** `db` with its `select` calls counted (each one a read of the database). */
function counting(db: Db): { db: Db; selects: () => number } {
  let selects = 0;
  const wrapped = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'select')
        return (...args: Parameters<Db['select']>) => {
          selects += 1;
          return target.select(...args);
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { db: wrapped, selects: () => selects };
}

for (const backend of testBackends()) {
  describe(`FlowVersionCache (${backend.name})`, () => {
    let database: Database;
    let versionId: string;
    beforeAll(async () => {
      database = await backend.open();
      const document = greetingFlow();
      const [flow] = await database.db
        .insert(flows)
        .values({ name: document.name, draft: document })
        .returning();
      const [version] = await database.db
        .insert(flowVersions)
        .values({ flowId: flow?.id ?? '', number: 1, document, message: 'first' })
        .returning();
      versionId = version?.id ?? '';
    });
    afterAll(() => database.close());

    it('reads a version once for a burst of callers on a cold cache, then not at all', async () => {
      const cache = new FlowVersionCache();
      const { db, selects } = counting(database.db);
      const refs = await Promise.all(Array.from({ length: 50 }, () => cache.get(db, versionId)));
      expect(selects()).toBe(1);
      expect(new Set(refs).size).toBe(1);
      expect(refs[0]?.flow).toEqual(greetingFlow());
      await cache.get(db, versionId);
      expect(selects()).toBe(1);
      expect(cache.flowIdOf(versionId)).toBeTypeOf('string');
    });

    it('fails every caller of an unknown version, naming it, and remembers nothing', async () => {
      const cache = new FlowVersionCache();
      const { db, selects } = counting(database.db);
      const missing = randomUUID();
      const answers = await Promise.allSettled([cache.get(db, missing), cache.get(db, missing)]);
      expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
      expect(String((answers[0] as PromiseRejectedResult).reason)).toContain(
        `flow version ${missing} does not exist`,
      );
      await expect(cache.get(db, missing)).rejects.toThrow(missing);
      // The shared read, the joiner's own after it failed, and the later call's: nothing kept.
      expect(selects()).toBe(3);
    });

    it("reads on its own handle when the read it joined fails (the other caller's)", async () => {
      const cache = new FlowVersionCache();
      const broken = new Proxy(database.db, {
        get(target, key, receiver) {
          if (key === 'select')
            return () => {
              throw new Error('current transaction is aborted');
            };
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const [first, second] = await Promise.allSettled([
        cache.get(broken, versionId),
        cache.get(database.db, versionId),
      ]);
      expect(first.status === 'rejected' && String(first.reason)).toContain('aborted');
      expect(second.status === 'fulfilled' && second.value.id).toBe(versionId);
    });
  });
}
