import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../web/src/i18n/', import.meta.url));
const keys = (tree: object, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) =>
  typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]);
const load = (lang: string, file: string) => JSON.parse(readFileSync(`${dir}${lang}/${file}`, 'utf8'));

describe('locale files', () => {
  const files = readdirSync(`${dir}vi`).filter((f) => f.endsWith('.json'));

  it('every Vietnamese file has its English twin', () => {
    expect(readdirSync(`${dir}en`).filter((f) => f.endsWith('.json')).sort()).toEqual(files.sort());
  });

  it.each(files)('%s has the same keys in Vietnamese and English', (file) => {
    expect(keys(load('en', file)).sort()).toEqual(keys(load('vi', file)).sort());
  });

  it('no key is defined by two files', () => {
    const all = files.flatMap((f) => keys(load('vi', f)));
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });
});
