import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../common/i18n';
import { textOf, type TextKey } from './catalogue';
import { setApiLanguage } from '../app/api';

export type { Lang, TextKey };
export type TextSize = 'normal' | 'large';

interface Prefs {
  lang: Lang;
  setLang: (lang: Lang) => void;
  textSize: TextSize;
  setTextSize: (size: TextSize) => void;
}

const PrefsContext = createContext<Prefs | null>(null);

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  } catch {
    return fallback; // private mode in some in-app browsers throws on localStorage
  }
}
function persist(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* preference simply does not survive a reload */
  }
}

// Read before any render, so the first request (the session, router.tsx) already carries the right Accept-Language.
const storedLang = stored('tx.lang', ['zh', 'en'] as const, 'zh');
setApiLanguage(storedLang);
const storedTextSize = () => stored('tx.textSize', ['normal', 'large'] as const, 'normal');

/** Whether this device keeps the default preferences (Chinese, normal text): what a page prerendered at build time shows. */
export const prefsAreDefault = () => storedLang === 'zh' && storedTextSize() === 'normal';

/** Language and text size: personal preferences kept on the device, not on the account. */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const [textSize, setTextSizeState] = useState<TextSize>(storedTextSize);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const value = useMemo<Prefs>(
    () => ({
      lang,
      setLang: (l) => {
        persist('tx.lang', l);
        setApiLanguage(l);
        setLangState(l);
      },
      textSize,
      setTextSize: (s) => {
        persist('tx.textSize', s);
        setTextSizeState(s);
      },
    }),
    [lang, textSize],
  );
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const ctx = useContext(PrefsContext);
  if (!ctx) throw new Error('usePrefs outside PrefsProvider');
  return ctx;
}

export type T = (key: TextKey, params?: Record<string, string | number>) => string;

/**
 * For text keys built at run time (an audit action, a field name): check before calling t. Looks in the
 * catalogues loaded so far; catalogue.test.ts makes a route load every key under the template's prefix.
 */
export function isTextKey(key: string): key is TextKey {
  return textOf(key) !== undefined;
}

function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (all, k: string) => (k in params ? String(params[k]) : all));
}

/** `t(key, params)` for UI text; server and validation keys go through `msg` from common/i18n. */
export function useT(): T {
  const { lang } = usePrefs();
  return useCallback<T>(
    (key, params) => {
      const text = textOf(key);
      // Loud, never the raw key: catalogue.test.ts keeps a route from reaching a key it did not load.
      if (!text) throw new Error(`UI text "${key}" is not loaded: add its catalogue to the route in web/app/routes.tsx`);
      return fill(text[lang], params);
    },
    [lang],
  );
}

type LabelMap<K extends string> = Record<K, { zh: string; en: string }>;
/** Looks up a {zh,en} label map from common/ (roles, member enums, audit entities). */
export function useLabel() {
  const { lang } = usePrefs();
  return useCallback(
    <K extends string>(map: LabelMap<K>, value: K | null | undefined): string =>
      value == null ? '' : (map[value]?.[lang] ?? String(value)),
    [lang],
  );
}

/** Select/checkbox options for an enum, labelled from its {zh,en} map. */
export function useOptions() {
  const label = useLabel();
  return useCallback(
    <K extends string>(values: readonly K[], map: LabelMap<K>) => values.map((value) => ({ value, label: label(map, value) })),
    [label],
  );
}
