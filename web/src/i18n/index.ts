import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGE_KEY = 'cds.language';

type Tree = { [key: string]: string | Tree };

/** Each module keeps its strings in `<lang>/<module>.json`; a module may add keys to shared sections such as `menu`. */
function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else if (existing !== undefined) throw new Error(`i18n: "${key}" is defined in two locale files`);
    else target[key] = value;
  }
  return target;
}

const bundle = (files: Record<string, { default: Tree }>) =>
  Object.values(files).reduce<Tree>((all, file) => merge(all, structuredClone(file.default)), {});

i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: bundle(import.meta.glob('./vi/*.json', { eager: true })) },
    en: { translation: bundle(import.meta.glob('./en/*.json', { eager: true })) },
  },
  lng: localStorage.getItem(LANGUAGE_KEY) ?? 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export default i18n;
