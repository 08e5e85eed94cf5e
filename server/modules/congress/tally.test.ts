import { describe, expect, it } from 'vitest';
import { majorityThreshold, quorumRequired } from '../../../common/congress';
import { tally } from './congress.votes';

describe('congress arithmetic', () => {
  it('needs ⌈2/3⌉ of delegates present', () => {
    expect([45, 44, 30, 3, 1].map(quorumRequired)).toEqual([30, 30, 20, 2, 1]);
  });

  it('counts "more than half" strictly', () => {
    expect([44, 45, 40, 1, 2].map(majorityThreshold)).toEqual([23, 23, 21, 1, 2]);
  });

  it('passes a resolution only at the threshold, whatever abstains', () => {
    const ballots = [...Array(23).fill('yes'), ...Array(10).fill('abstain')];
    expect(tally('resolution', ballots, 44, 'all_delegates', 33, 33, 0, [])).toMatchObject({ passed: true, yes: 23, abstain: 10, threshold: 23 });
    expect(tally('resolution', ballots.slice(1), 44, 'all_delegates', 32, 33, 0, [])).toMatchObject({ passed: false, yes: 22 });
  });

  it('elects the top candidates above the threshold and leaves a tie for the last seat undecided', () => {
    const c = (id: string) => ({ member_id: id, name: id.toUpperCase() });
    const cands = [c('a'), c('b'), c('c'), c('d')];
    const b = (...ids: string[]) => JSON.stringify(ids.sort());
    // a 30, b 28, c 24, d 5 with seats 2: a and b; c above the threshold but third.
    const ballots = [...Array(24).fill(b('a', 'b')), ...Array(4).fill(b('b', 'c')), ...Array(6).fill(b('a', 'c')), ...Array(14).fill(b('c', 'd')).slice(0, 14)];
    const r = tally('election', ballots, 44, 'all_delegates', 48, 48, 2, cands);
    if (r.kind !== 'election') throw new Error('kind');
    const votes = Object.fromEntries(r.candidates.map((x) => [x.memberId, [x.votes, x.elected]]));
    expect(votes).toEqual({ a: [30, true], b: [28, true], c: [24, false], d: [14, false] });
    expect(r.tied).toEqual([]);
    // a tie for the only seat: nobody elected.
    const tie = tally('election', [...Array(23).fill(b('a')), ...Array(23).fill(b('b'))], 44, 'all_delegates', 46, 46, 1, cands);
    if (tie.kind !== 'election') throw new Error('kind');
    expect(tie.candidates.filter((x) => x.elected)).toEqual([]);
    expect(tie.tied.sort()).toEqual(['a', 'b']);
  });
});
