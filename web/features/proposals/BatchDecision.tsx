import { App, Button, Form, Popconfirm, Space } from 'antd';
import { toasted } from '../../app/notify';
import { useT } from '../../i18n';
import { useBatchDecide, usePublish } from './api';
import { DecisionFields, type DecisionValues } from './DecisionPanel';

/** One decision (with a template's reason) for every selected submitted proposal, drafted or published at once. */
export function BatchDecision({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useBatchDecide();
  const send = (publish: boolean) =>
    form.validateFields().then((v) =>
      toasted(
        decide.mutateAsync({ ...v, ids, publish }).then((r) => {
          message.success(t(publish ? 'proposals.decidedN' : 'proposals.draftedN', { n: r.decided }));
          form.resetFields();
          onDone();
        }),
      ),
    );
  return (
    <section className="tx-batch" aria-labelledby="proposal-batch" data-testid="proposal-batch">
      <h2 className="tx-h2" id="proposal-batch">
        {t('proposals.batchTitle')} <span className="tx-muted">{t('proposals.selected', { n: ids.length })}</span>
      </h2>
      <Form<DecisionValues> form={form} layout="vertical">
        <DecisionFields form={form} exclude={ids} />
        <Space wrap>
          <Button loading={decide.isPending} onClick={() => send(false)} data-testid="batch-draft">
            {t('proposals.draftDecision')}
          </Button>
          <Button type="primary" loading={decide.isPending} onClick={() => send(true)} data-testid="batch-publish">
            {t('proposals.publishDecision')}
          </Button>
          <Button type="text" onClick={onDone}>
            {t('proposals.clearSelection')}
          </Button>
        </Space>
      </Form>
    </section>
  );
}

/** Publishes every drafted decision of the school together; proposers hear of them all at once. */
export function PublishAllButton() {
  const t = useT();
  const { message } = App.useApp();
  const publish = usePublish();
  return (
    <Popconfirm
      title={t('proposals.publishAllConfirm')}
      okText={t('proposals.publishDecision')}
      cancelText={t('common.cancel')}
      onConfirm={() => toasted(publish.mutateAsync(undefined).then((r) => message.success(t('proposals.publishedN', { n: r.published }))))}
    >
      <Button loading={publish.isPending} data-testid="proposals-publish-all">
        {t('proposals.publishAll')}
      </Button>
    </Popconfirm>
  );
}
