/** A value's name in Chinese and English, for every enum shown to people. */
export type Labels<T extends string> = Record<T, { zh: string; en: string }>;
