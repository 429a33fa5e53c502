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
  // A body too large is refused before it is read: the rest of it may still be on its way, so
  // the connection is closed instead of being kept for a next request it would corrupt (and a
  // client cannot keep streaming megabytes into a socket the server no longer reads).
  if (status === 413) c.header('Connection', 'close');
  return c.json(body, status);
}

/** The answer for a body readJsonBody refused. */
export function bodyError(c: Context, reason: 'body-too-large' | 'bad-json', maxBodyBytes: number): Response {
  return reason === 'body-too-large'
    ? jsonError(c, 413, 'body-too-large', `The body is larger than ${maxBodyBytes} bytes.`)
    : jsonError(c, 400, 'bad-json', 'The body is not valid JSON (UTF-8).');
}
