/** A file part of a multipart request, as the simulator keeps it. */
export interface SimFile {
  field: string;
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

/** A request body parsed by its content type: JSON, URL-encoded form, or multipart form. */
export interface ParsedBody {
  kind: 'json' | 'form' | 'multipart' | 'text' | 'none' | 'invalid';
  /** JSON value, or the form's fields (a repeated field becomes an array). */
  value: unknown;
  files: SimFile[];
}

/** Parses `raw` by `contentType`; malformed JSON gives `kind: 'invalid'`, never a throw. */
export async function parseRequestBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<ParsedBody> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return { kind: 'none', value: undefined, files: [] };
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { kind: 'json', value: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
    } catch {
      return { kind: 'invalid', value: raw.toString('utf8'), files: [] };
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { kind: 'form', value: fieldsOf(new URLSearchParams(raw.toString('utf8'))), files: [] };
  }
  if (type === 'multipart/form-data') {
    try {
      // undici's multipart parser (the one behind fetch) is in Node itself.
      const form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType ?? '' },
      }).formData();
      const files: SimFile[] = [];
      const fields = new URLSearchParams();
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') fields.append(field, value);
        else {
          const bytes = new Uint8Array(await value.arrayBuffer());
          files.push({ field, name: value.name, type: value.type, size: bytes.length, bytes });
        }
      }
      return { kind: 'multipart', value: fieldsOf(fields), files };
    } catch {
      return { kind: 'invalid', value: undefined, files: [] };
    }
  }
  return { kind: 'text', value: raw.toString('utf8'), files: [] };
}

function fieldsOf(params: URLSearchParams): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    fields[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return fields;
}
