/** The one crypto module of page, service worker, hand-off file and server (see src/README.md). */
export * from './bytes';
export * from './pin-wrap';
export * from './records';
export * from './seal';
