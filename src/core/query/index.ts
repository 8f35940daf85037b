/** Attribute selectors: parse, resolve and format element paths. */
export * from './selector';
export * from './resolve';
export * from './path';
