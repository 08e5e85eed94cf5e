import { randomInt } from 'node:crypto';
import type { Database } from '../../db/database';
import type { CongressBallotsTable } from '../../db/tables';
import { AppError } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { votesRepo } from './votes.repo';

interface Pending {
  voteId: string;
  memberId: string;
  choice: string;
  secret: boolean;
  done: (err?: Error) => void;
}

/** Ballots committed together at most; the rest wait for the next commit. */
const BATCH = 500;
/** How long the first ballot after a quiet moment waits for others to join its commit. */
const GATHER_MS = 2;
/** While ballots keep arriving, a commit waits for more up to this long: fewer commits, each flushed once. */
const MAX_GATHER_MS = 20;

/**
 * Group commit for ballots. When 500 delegates press 提交 in the same second, each ballot as its own
 * transaction waits for its own flush to disk (~200 a second); here the ballots that arrive while one
 * commit is under way go into the next one, so 500 take a handful of commits. Each ballot keeps its own
 * guard: the voter row flips from 0 to 1 only once (else 409 for that ballot alone, or 403 when the voter
 * is not on the roll), and a vote closed meanwhile accepts nothing. Within a commit the ballots are written
 * in random order.
 */
export function createBallotBox(database: Database) {
  const { db } = database;
  let queue: Pending[] = [];
  let running = false;

  async function commit(batch: Pending[]): Promise<Map<Pending, Error>> {
    const refused = new Map<Pending, Error>();
    await db.transaction().execute(async (trx) => {
      const open = await votesRepo.openAmong(trx, [...new Set(batch.map((b) => b.voteId))], database.dialect);
      const rows: CongressBallotsTable[] = [];
      for (const voteId of new Set(batch.map((b) => b.voteId))) {
        const ballots = batch.filter((b) => b.voteId === voteId);
        // One UPDATE per vote flips every voter row still at 0; a row already at 1 is a second ballot.
        const flipped = open.has(voteId) ? await votesRepo.markAllVoted(trx, voteId, [...new Set(ballots.map((b) => b.memberId))]) : new Set<string>();
        const secondOrOffRoll: Pending[] = [];
        for (const b of ballots) {
          if (!open.has(voteId)) refused.set(b, new AppError(409, 'vote_state', 'err.congress_vote_state', { status: '已结束' }));
          else if (flipped.delete(b.memberId)) rows.push({ vote_id: voteId, id: randomToken(16), choice: b.choice, voter_member_id: b.secret ? null : b.memberId });
          else secondOrOffRoll.push(b);
        }
        // A ballot whose voter row did not flip is a second one, or its voter is not on the roll: one query tells which.
        if (secondOrOffRoll.length) {
          const onRoll = await votesRepo.onRoll(trx, voteId, [...new Set(secondOrOffRoll.map((b) => b.memberId))]);
          for (const b of secondOrOffRoll) {
            refused.set(b, onRoll.has(b.memberId) ? new AppError(409, 'already_voted', 'err.congress_already_voted') : new AppError(403, 'not_eligible', 'err.congress_not_eligible'));
          }
        }
      }
      for (let i = rows.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [rows[i], rows[j]] = [rows[j], rows[i]];
      }
      await votesRepo.insertBallots(trx, rows);
    });
    return refused;
  }

  // better-sqlite3 commits synchronously: without a pause, each ballot would be committed (and flushed,
  // ~1 ms) before the next request is even read, and a batch would never hold more than one. A lone
  // ballot waits GATHER_MS for company. In a crowd, requests are read one after the other (~0.4 ms of
  // this thread each), so a fixed pause gathered only 2–6 ballots and 500 took ~150 commits; the pause
  // is therefore renewed while ballots keep coming, up to MAX_GATHER_MS: 500 then take a dozen.
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, GATHER_MS));
  async function afterReceivedRequests() {
    let seen = -1;
    for (let waited = 0; queue.length !== seen && queue.length < BATCH && waited < MAX_GATHER_MS; waited += GATHER_MS) {
      seen = queue.length;
      await pause();
    }
  }

  async function drain(): Promise<void> {
    running = true;
    for (;;) {
      await afterReceivedRequests();
      if (queue.length === 0) break;
      const batch = queue.slice(0, BATCH);
      queue = queue.slice(BATCH);
      try {
        const refused = await commit(batch);
        for (const b of batch) b.done(refused.get(b));
      } catch (err) {
        for (const b of batch) b.done(err as Error);
      }
    }
    running = false;
  }

  return {
    /** Resolves once the ballot is committed; rejects with 409 when this voter already voted or the vote closed. */
    cast(ballot: Omit<Pending, 'done'>): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ ...ballot, done: (err) => (err ? reject(err) : resolve()) });
        if (!running) void drain();
      });
    },
  };
}
export type BallotBox = ReturnType<typeof createBallotBox>;
