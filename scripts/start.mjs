// `npm start`: the server as plain JavaScript, bundled by `npm run build` into build/server/ (it starts in
// about half the time tsx needs to transpile the sources). Before any build, the sources run through tsx.
import fs from 'node:fs';

const built = new URL('../build/server/main.js', import.meta.url);
if (fs.existsSync(built)) {
  await import(built.href);
} else {
  console.warn('build/server/main.js 不存在，直接运行 TypeScript 源码（较慢）；请先 npm run build / not built yet: running the sources with tsx');
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../server/main.ts', import.meta.url).href);
}
