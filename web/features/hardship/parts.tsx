import { APPLICATION_STATE_LABELS, HARDSHIP_FILE_LEVEL_LABELS, HARDSHIP_FILE_STATUS_LABELS, type ApplicationState, type HardshipFileLevel } from '../../../common/hardship.labels';
import type { HardshipFile } from '../../../common/hardship';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useLabel } from '../../i18n';

const STATE_TONES: Record<ApplicationState, Tone> = { submitted: 'orange', recommended: 'blue', approved: 'blue', paid: 'green', rejected: 'grey' };

export function StateTag({ state }: { state: ApplicationState }) {
  const label = useLabel();
  return <ToneTag tone={STATE_TONES[state]}>{label(APPLICATION_STATE_LABELS, state)}</ToneTag>;
}

export function LevelTag({ level }: { level: HardshipFileLevel }) {
  const label = useLabel();
  return <ToneTag tone={level === 'severe' ? 'red' : 'orange'}>{label(HARDSHIP_FILE_LEVEL_LABELS, level)}</ToneTag>;
}

export function FileStatusTag({ f }: { f: Pick<HardshipFile, 'status'> }) {
  const label = useLabel();
  return f.status === 'closed' ? <ToneTag tone="grey">{label(HARDSHIP_FILE_STATUS_LABELS, 'closed')}</ToneTag> : null;
}
