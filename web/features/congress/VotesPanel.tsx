import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { VoteCard } from './VoteCard';
import { VoteFormModal } from './VoteFormModal';
import type { Vote } from './types';

/** The session's resolutions and elections, in the order they were created, and "新建表决". */
export function VotesPanel({ sessionId, votes }: { sessionId: string; votes: Vote[] }) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  return (
    <section aria-label={t('congress.tabVotes')}>
      <div className="cx-section-head">
        <span />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="vote-new">
          {t('congress.newVote')}
        </Button>
      </div>
      {votes.length === 0 ? (
        <p>{t('congress.noVotes')}</p>
      ) : (
        <ol className="cx-votes">
          {votes.map((v) => (
            <li key={v.id}>
              <VoteCard sessionId={sessionId} vote={v} />
            </li>
          ))}
        </ol>
      )}
      <VoteFormModal sessionId={sessionId} open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
