import type { HardshipLevel, MemberStatus } from '../../../common/members';
import { HARDSHIP_LABELS, MEMBER_STATUS_LABELS } from '../../../common/members';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useLabel } from '../../i18n';

const STATUS_TONE: Record<MemberStatus, Tone> = { active: 'green', retired: 'blue', transferred: 'grey' };

export function StatusTag({ status }: { status: MemberStatus }) {
  const label = useLabel();
  return <ToneTag tone={STATUS_TONE[status]}>{label(MEMBER_STATUS_LABELS, status)}</ToneTag>;
}

/** Shown only when there is a hardship level, so the roster stays calm to read. */
export function HardshipTag({ level }: { level: HardshipLevel }) {
  const label = useLabel();
  if (level === 'none') return null;
  return <ToneTag tone={level === 'severe' ? 'red' : 'orange'}>{label(HARDSHIP_LABELS, level)}</ToneTag>;
}
