import type { ReactNode } from 'react';
import { Tag } from 'antd';

// antd's preset tag colours put mid-tone text on a pale fill (about 3.5:1, below WCAG AA);
// these solid fills carry white text at 5.4:1 or better.
const TONES = { green: '#237804', orange: '#ad4e00', blue: '#0050b3', red: '#a8071a', grey: '#595959' } as const;
export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag color={TONES[tone]}>{children}</Tag>;
}
