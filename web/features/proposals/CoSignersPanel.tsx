import { useState } from 'react';
import { Alert, App, Button, Checkbox, Space } from 'antd';
import type { Proposal, ProposalCoSigner } from '../../../common/proposals';
import { useUser } from '../../app/auth';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { toasted } from '../../app/notify';
import { useT } from '../../i18n';
import type { ProposalActions } from './actions';
import { useProposalAction } from './api';

const TONE: Record<ProposalCoSigner['status'], Tone> = { invited: 'grey', accepted: 'green', declined: 'red' };

/** 附议: who was invited and how they answered; the invitee answers; the proposer sees what is missing and submits. */
export function CoSignersPanel({ p, can }: { p: Proposal; can: ProposalActions }) {
  const t = useT();
  const user = useUser();
  const mine = p.coSigners.find((c) => c.memberId === user.memberId)?.status;
  const needed = p.coSignersNeeded;
  const { message } = App.useApp();
  const [single, setSingle] = useState(false);
  const respond = useProposalAction<{ accept: boolean }>(p.id, 'cosign');
  const submit = useProposalAction<{ singleSubject: true }>(p.id, 'submit');
  const accepted = p.coSigners.filter((c) => c.status === 'accepted').length;

  return (
    <section className="tx-panel" aria-labelledby="proposal-cosigners">
      <h2 className="tx-h2" id="proposal-cosigners">
        {t('field.coSigners')} <span className="tx-muted">{t('proposals.accepted', { n: accepted })}</span>
      </h2>
      <ul className="tx-plain-list" data-testid="proposal-cosigner-list">
        {p.coSigners.map((c) => (
          <li key={c.memberId}>
            {c.name} <ToneTag tone={TONE[c.status]}>{t(`cosign.${c.status}` as const)}</ToneTag>
          </li>
        ))}
      </ul>
      {can.cosign && (
        <Alert
          type={mine === 'invited' ? 'info' : 'success'}
          showIcon
          title={t('proposals.cosignInvited', { name: p.proposerName })}
          action={
            <Space wrap>
              <Button type="primary" loading={respond.isPending} onClick={() => toasted(respond.mutateAsync({ accept: true }))} data-testid="cosign-accept">
                {t('proposals.cosignYes')}
              </Button>
              <Button loading={respond.isPending} onClick={() => toasted(respond.mutateAsync({ accept: false }))} data-testid="cosign-decline">
                {t('proposals.cosignNo')}
              </Button>
            </Space>
          }
        />
      )}
      {needed && !can.submit && (
        <Alert
          type="warning"
          showIcon
          data-testid="proposal-missing-cosigners"
          title={needed.missing > 0 ? t('proposals.missingCoSigners', { n: needed.missing, required: needed.required }) : t('proposals.windowClosedNow')}
        />
      )}
      {can.submit && (
        <div className="tx-submit-row">
          <p className="tx-muted">{t('proposals.coSignersHint')}</p>
          <Checkbox checked={single} onChange={(e) => setSingle(e.target.checked)} data-testid="proposal-single-subject">
            {t('proposals.singleSubject')}
          </Checkbox>
          <Button
            type="primary"
            disabled={!single}
            loading={submit.isPending}
            data-testid="proposal-submit"
            onClick={() => toasted(submit.mutateAsync({ singleSubject: true }).then(() => message.success(t('proposals.submitted'))))}
          >
            {t('proposals.submit')}
          </Button>
        </div>
      )}
    </section>
  );
}
