import type { SessionSummary, TermSummary, Vote } from './types';

/** The term running today; otherwise the most recent one (the server lists newest start first). */
export function currentTerm(terms: TermSummary[], on: string): TermSummary | undefined {
  return terms.find((t) => t.startDate <= on && on <= t.endDate) ?? terms[0];
}

/** Current term first, then the others as the server orders them. */
export function termsCurrentFirst(terms: TermSummary[], on: string): TermSummary[] {
  const cur = currentTerm(terms, on);
  return cur ? [cur, ...terms.filter((t) => t.id !== cur.id)] : terms;
}

/** Today's and later sessions, soonest first; earlier ones, latest first. */
export function splitSessions(sessions: SessionSummary[], on: string) {
  const upcoming = sessions.filter((s) => s.date >= on).sort((a, b) => a.date.localeCompare(b.date));
  const past = sessions.filter((s) => s.date < on).sort((a, b) => b.date.localeCompare(a.date));
  return { upcoming, past };
}

export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;


/** The vote a screen should feature: the open one, else the last one closed. */
export function featuredVote(votes: Vote[]): Vote | undefined {
  return votes.find((v) => v.status === 'open') ?? [...votes].reverse().find((v) => v.status === 'closed');
}
