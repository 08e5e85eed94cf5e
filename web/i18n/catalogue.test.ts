import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../common/permissions';
import { CATALOGUES, type Catalogue } from './catalogue';
import { CORE } from './text/core';

// useT throws on a key whose catalogue the route did not load, so this proves, for every route and
// for the entry, that each text key its code can reach (a literal, or every key under a `prefix.${x}`
// template) is in the catalogues it loads: its own `page(…, 'catalogue')` list, its parents', and CORE.

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUTER = path.join(WEB, 'app/routes.tsx');

const owner = new Map<string, string>(Object.keys(CORE).map((k) => [k, 'core']));
const duplicates: string[] = [];
const ready = Promise.all(
  Object.entries(CATALOGUES).map(async ([name, load]) => {
    for (const key of Object.keys(await load())) {
      if (owner.has(key)) duplicates.push(`${key}: ${owner.get(key)} and ${name}`);
      owner.set(key, name);
    }
  }),
);

const sources = new Map<string, ts.SourceFile>();
function source(file: string): ts.SourceFile {
  let sf = sources.get(file);
  if (!sf) sources.set(file, (sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)));
  return sf;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  const file = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((e) => base + e).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  // Only our UI code: common/ holds no UI text, and the catalogues themselves are what is checked against.
  return file && file.startsWith(WEB + path.sep) && !file.startsWith(path.join(WEB, 'i18n') + path.sep) ? file : null;
}

/** The files a module runs: static and dynamic imports, not `import type`, never into the router's pages. */
function closure(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const walk = (node: ts.Node) => {
      let spec: ts.Expression | undefined;
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) spec = node.moduleSpecifier;
      else if (ts.isExportDeclaration(node) && !node.isTypeOnly) spec = node.moduleSpecifier;
      else if (file !== ROUTER && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = node.arguments[0];
      const target = spec && ts.isStringLiteral(spec) ? resolve(file, spec.text) : null;
      if (target) visit(target);
      ts.forEachChild(node, walk);
    };
    walk(source(file));
  };
  visit(start);
  return seen;
}

// A few permissions are also text keys (members.import): as such a literal is mostly the permission, it counts only inside t(…).
const permissions = new Set<string>(PERMISSIONS);
const inT = (node: ts.Node) => ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 't';

/** Text keys a file can pass to t: exact literals, and all keys under a template's literal head. */
function keysIn(file: string): string[] {
  const out: string[] = [];
  const walk = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && owner.has(node.text) && (!permissions.has(node.text) || inT(node))) out.push(node.text);
    if (ts.isTemplateExpression(node) && node.head.text.includes('.')) out.push(...[...owner.keys()].filter((k) => k.startsWith(node.head.text)));
    ts.forEachChild(node, walk);
  };
  walk(source(file));
  return out;
}

interface Route {
  module: string;
  texts: Set<string>;
}

/** Every `lazy: page(() => import('…'), …catalogues)` in the routes, with its parents' catalogues. */
function routes(): { found: Route[]; pageCalls: number } {
  const sf = source(ROUTER);
  const consts = new Map<string, ts.Expression>();
  let pageCalls = 0;
  const isPage = (n: ts.Node): n is ts.CallExpression => ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'page';
  const count = (n: ts.Node) => {
    if (isPage(n)) pageCalls++;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
    ts.forEachChild(n, count);
  };
  count(sf);
  const found: Route[] = [];
  const visit = (node: ts.Node, inherited: Set<string>) => {
    if (ts.isIdentifier(node) && consts.has(node.text)) return visit(consts.get(node.text)!, inherited);
    if (ts.isArrayLiteralExpression(node)) return node.elements.forEach((e) => visit(e, inherited));
    if (!ts.isObjectLiteralExpression(node)) return;
    const lazy = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'lazy');
    let texts = inherited;
    if (lazy && isPage(lazy.initializer)) {
      const [load, ...names] = lazy.initializer.arguments;
      const call = ts.isArrowFunction(load) && ts.isCallExpression(load.body) ? load.body : null;
      const spec = call?.arguments[0];
      if (!call || !spec || !ts.isStringLiteral(spec)) throw new Error(`routes.tsx: page() needs () => import('…') first, at ${lazy.getText()}`);
      texts = new Set([...inherited, ...names.map((n) => (ts.isStringLiteral(n) ? n.text : n.getText()))]);
      found.push({ module: resolve(ROUTER, spec.text)!, texts });
    }
    for (const p of node.properties) if (ts.isPropertyAssignment(p) && p !== lazy) visit(p.initializer, texts);
  };
  visit(consts.get('routes')!, new Set());
  return { found, pageCalls };
}

function missing(files: Set<string>, texts: Set<string>): string[] {
  return [...files].flatMap((f) => [...new Set(keysIn(f))].filter((k) => !texts.has(owner.get(k)!)).map((k) => `${path.relative(WEB, f)}: ${k} (in ${owner.get(k)})`));
}

describe('UI text catalogues', () => {
  it('define each key once', async () => {
    await ready;
    expect(duplicates).toEqual([]);
  });

  it('the entry uses only CORE', async () => {
    await ready;
    expect(missing(closure(path.join(WEB, 'main.tsx')), new Set(['core']))).toEqual([]);
  });

  it('every route loads the catalogues of every key its page can reach', async () => {
    await ready;
    const { found, pageCalls } = routes();
    expect(found.length).toBe(pageCalls);
    const known = new Set<string>(['core', ...(Object.keys(CATALOGUES) as Catalogue[])]);
    const problems = found.flatMap(({ module, texts }) => [
      ...[...texts].filter((t) => !known.has(t)).map((t) => `${path.relative(WEB, module)}: no catalogue ${t}`),
      ...missing(closure(module), new Set([...texts, 'core'])).map((m) => `${path.relative(WEB, module)} → ${m}`),
    ]);
    expect(problems).toEqual([]);
  });
});
