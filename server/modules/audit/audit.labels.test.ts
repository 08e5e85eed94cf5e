import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../common/audit';
import { DISCLOSURE_ACTIONS } from '../../../common/disclosures';

// The 操作日志 page shows each row's action and record kind in words; a module that writes an audit row
// with a word the page has no label for would show raw identifiers to the chair. Read every module
// that writes audit rows and check each quoted action and entity it names.

const MODULES = path.resolve(import.meta.dirname, '..');
// Words after `action:` in these files that are not audit actions (the roster import's per-row result).
const NOT_AUDIT = new Set(['unchanged', 'error', 'closed']);

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(MODULES);
  return out.map((p) => fs.readFileSync(p, 'utf8')).filter((s) => s.includes('auditRepo.'));
}

const quotedAfter = (key: string, text: string) =>
  [...text.matchAll(new RegExp(`\\b${key}: ([^,;}\\n]*)`, 'g'))].flatMap((m) => [...m[1].matchAll(/'([a-z_]+)'/g)].map((q) => q[1]));

describe('audit labels', () => {
  const files = sources();

  it('name every action a module writes, in Chinese and English', () => {
    const actions = new Set([...files.flatMap((s) => quotedAfter('action', s)), ...DISCLOSURE_ACTIONS]);
    const missing = [...actions].filter((a) => !NOT_AUDIT.has(a) && !AUDIT_ACTION_LABELS[a]);
    expect(missing).toEqual([]);
  });

  it('name every kind of record a module audits', () => {
    const entities = new Set(files.flatMap((s) => quotedAfter('entity', s)));
    expect(entities.size).toBeGreaterThan(10);
    expect([...entities].filter((e) => !AUDIT_ENTITY_LABELS[e])).toEqual([]);
  });
});
