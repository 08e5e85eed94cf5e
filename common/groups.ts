import { z } from 'zod';

export const groupInput = z.object({
  name: z.string().trim().min(1, { message: 'err.required' }).max(40, { message: 'err.too_long' }),
  leaderMemberId: z.string().max(64).nullable().optional(),
  note: z.string().trim().max(200, { message: 'err.too_long' }).nullable().optional(),
});
export const groupPatch = groupInput.partial();

export interface Group {
  id: string;
  name: string;
  leaderMemberId: string | null;
  leaderName: string | null;
  note: string | null;
  memberCount: number;
}
