/** A path into a settings value: object keys and array indexes. */
export type ValuePath = readonly (string | number)[];

/** The value at `path`, or undefined. */
export function getIn(value: unknown, path: ValuePath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with `next` at `path` (objects and arrays copied along the way only). */
export function setIn(value: unknown, path: ValuePath, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const child = setIn(getIn(value, [key]), rest, next);
  if (typeof key === 'number') {
    const array = Array.isArray(value) ? [...(value as unknown[])] : [];
    array[key] = child;
    return array;
  }
  const object = typeof value === 'object' && value !== null ? value : {};
  return { ...(object as Record<string, unknown>), [key]: child };
}

/** A copy of `value` without the entry at `path` (array items are spliced out). */
export function removeIn(value: unknown, path: ValuePath): unknown {
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  const parent = getIn(value, parentPath);
  if (Array.isArray(parent) && typeof key === 'number') {
    return setIn(
      value,
      parentPath,
      parent.filter((_, index) => index !== key),
    );
  }
  if (typeof parent === 'object' && parent !== null && typeof key === 'string') {
    const { [key]: _removed, ...rest } = parent as Record<string, unknown>;
    return setIn(value, parentPath, rest);
  }
  return value;
}

/** The key errors are indexed by: `rules.0.id`. */
export const pathKey = (path: ValuePath): string => path.join('.');
