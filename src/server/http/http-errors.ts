/** Every refused request answers JSON `{ error, message }` with a machine-readable reason. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ProtocolError } from '../../domain/protocol';

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  error: ProtocolError,
  message: string,
  extra: Partial<ErrorBody> = {},
): Response {
  const body: ErrorBody = { error, message, ...extra };
  return c.json(body, status);
}

/** The answer for a body readJsonBody refused. */
export function bodyError(c: Context, reason: 'body-too-large' | 'bad-json', maxBodyBytes: number): Response {
  return reason === 'body-too-large'
    ? jsonError(c, 413, 'body-too-large', `The body is larger than ${maxBodyBytes} bytes.`)
    : jsonError(c, 400, 'bad-json', 'The body is not valid JSON (UTF-8).');
}
