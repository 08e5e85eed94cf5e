let loaded!: () => void;

/** Settles once the first page's chunks are in: what no first screen shows loads after it (Providers.tsx). */
export const firstPageLoaded = new Promise<void>((resolve) => (loaded = resolve));

/** Called by the browser's router (router.tsx) once its first page is ready. */
export const markFirstPageLoaded = () => loaded();
