// zod asks once whether it may compile its validators with `new Function`; under the pages' policy (no
// eval, server/plugins/pagePolicy.ts) the browser refuses and reports a violation on every page with a
// form. Told so before the first schema is made (main.tsx; zod is only in the pages' chunks), it validates
// without compiling and never asks. Set where zod reads its settings (the object its `config()` returns,
// shared by every copy of zod on the page), not through zod's own module: that would bring ~4 KB
// (gzipped) into the first screen's scripts for one flag. zodConfig.test.ts checks that zod reads it.
export function zodWithoutEval(): void {
  const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
}
