import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
// The build resolves 'antd' to its es/ entry, whose App is this one (Node alone would take lib/, a second copy).
import App from 'antd/es/app';
import AppContext, { type useAppProps } from 'antd/es/app/context';

const require = createRequire(import.meta.url);

// Providers.tsx fills antd's App context by its deep path to keep <App> out of the entry; an antd upgrade
// that moved or split that context would leave every App.useApp() toast and dialog silently inert.
describe('the deferred App context', () => {
  it('is the one App.useApp() reads', () => {
    const apis = { message: {}, notification: {}, modal: {} } as useAppProps;
    let seen: useAppProps | undefined;
    const Probe = () => ((seen = App.useApp()), null);
    renderToString(createElement(AppContext.Provider, { value: apis }, createElement(Probe)));
    expect(seen).toBe(apis);
  });

  it("is what the pages' `import { App } from 'antd'` reaches in the build (antd's es/ entry re-exports this App)", () => {
    const entry = fs.readFileSync(path.join(path.dirname(require.resolve('antd/package.json')), 'es/index.js'), 'utf8');
    expect(entry).toContain("export { default as App } from './app';");
  });
});
