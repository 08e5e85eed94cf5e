import { describe, expect, it } from 'vitest';
import { config } from 'zod/v4/core';
import { z } from 'zod';
import { zodWithoutEval } from './zodConfig';

describe("the web's zod settings", () => {
  it('are the ones zod reads: it validates without compiling (no eval under the pages’ policy)', () => {
    zodWithoutEval();
    expect(config().jitless).toBe(true);
    const schema = z.object({ name: z.string().min(1) });
    expect(schema.safeParse({ name: '同心' }).success).toBe(true);
    expect(schema.safeParse({ name: '' }).success).toBe(false);
  });
});
