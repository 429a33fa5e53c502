/** Headers every answer carries, and the no-store rule for API answers (personal data). */
import type { MiddlewareHandler } from 'hono';

/** Works with a Vite build: no inline scripts; inline styles allowed for component style attributes. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Powerful features nobody here needs are off. The camera is for the phone app's own pages (the
 * photo of a paper, the CCCD's QR code): the app is one document for all its screens, so the
 * policy cannot be narrower than the app; the officer console (/can-bo/) never gets it.
 */
const DENIED_FEATURES = ['microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'midi', 'display-capture'];
export const PERMISSIONS_POLICY_APP = ['camera=(self)', ...DENIED_FEATURES.map((f) => `${f}=()`)].join(', ');
export const PERMISSIONS_POLICY_OTHER = ['camera=()', ...DENIED_FEATURES.map((f) => `${f}=()`)].join(', ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Another site may not embed our answers (a photo, a JSON body) as its own resources.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  const path = c.req.path;
  const appPage = !path.startsWith('/api/') && !path.startsWith('/can-bo');
  c.res.headers.set('Permissions-Policy', appPage ? PERMISSIONS_POLICY_APP : PERMISSIONS_POLICY_OTHER);
};

/** No proxy or browser cache keeps an API answer, unless its route says otherwise (the catalogue). */
export const noStoreByDefault: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};
