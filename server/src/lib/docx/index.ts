export * from './official.ts';
