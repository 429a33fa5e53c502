/**
 * The protocol number travels in the push body; the `x-mcld-protocol` header is optional on
 * every phone route and, when sent, must name a version we speak, so an old client learns to
 * update on any request, pull and blobs included.
 */
import type { MiddlewareHandler } from 'hono';
import { PROTOCOL_HEADER } from '../../domain/protocol';
import { jsonError } from '../http/http-errors';
import { SUPPORTED_PROTOCOLS, isSupportedProtocol } from './protocol-checks';

export const protocolHeaderGate: MiddlewareHandler = async (c, next) => {
  const header = c.req.header(PROTOCOL_HEADER);
  if (header !== undefined && !isSupportedProtocol(Number(header))) {
    return jsonError(c, 426, 'protocol-unsupported', `Protocol ${header} is not supported; update the app.`, {
      supported: [...SUPPORTED_PROTOCOLS],
    });
  }
  return next();
};
