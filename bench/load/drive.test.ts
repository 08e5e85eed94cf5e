import { describe, expect, it } from 'vitest';
import { combine, type Measured } from './drive';

const run = (rps: number, p99: number, failed = 0): Measured => ({ rps, p50: rps / 1000, p99, mean: 1, requests: rps, failed, statuses: failed ? { 200: rps - failed, 500: failed } : { 200: rps } });

describe('combine', () => {
  it("keeps the middle round's rate and p50, the worst p99 and every failure", () => {
    const c = combine([run(3000, 9), run(1000, 30, 2), run(2000, 12)]);
    expect(c).toMatchObject({ rps: 2000, p50: 2, p99: 30, requests: 6000, failed: 2, statuses: { 200: 5998, 500: 2 } });
  });
});
