export * from './text.ts';
export * from './ids.ts';
