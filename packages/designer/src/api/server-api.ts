import type { paths } from './server-api.generated';

/** A path of the REST API, as the server's OpenAPI document names it (`/api/flows/{id}`). */
type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/**
 * The JSON a call answers when it succeeds (its 200, else its 201), from the server's routes'
 * zod schemas through its OpenAPI document (`server-api.generated.ts`): never written twice.
 */
export type ApiAnswer<P extends ApiPath, M extends Method> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;

/** The JSON body a call takes (required or not). */
export type ApiBody<P extends ApiPath, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
