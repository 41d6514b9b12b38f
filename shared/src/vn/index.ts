export * from './text.ts';
export * from './ids.ts';
export * from './legacy.ts';
export * from './dates.ts';
export * from './values.ts';
