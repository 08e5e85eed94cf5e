import { useEffect, useState } from 'react';
import { Steps } from 'antd';
import type { ImportResult } from '../../../../common/members';
import { PageHeader } from '../../../components/PageHeader';
import { useIsPhone } from '../../../components/hooks';
import { useT } from '../../../i18n';
import { useImport } from './importApi';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { UploadStep } from './UploadStep';

type State = { step: 'upload' } | { step: 'preview'; file: File; preview: ImportResult } | { step: 'done'; result: ImportResult };

/** 导入名册: upload → dry-run preview → confirm → result. Nothing is written before step 3. */
export default function ImportPage() {
  const t = useT();
  const phone = useIsPhone();
  const run = useImport();
  const [state, setState] = useState<State>({ step: 'upload' });
  const [skipInvalid, setSkipInvalid] = useState(false);
  // Each step starts at its top; the confirm button sits below a long preview.
  useEffect(() => {
    window.scrollTo(0, 0); // newer Chromium returns a promise here, which must not reach React as a cleanup
  }, [state.step]);

  const check = (file: File) =>
    run.mutate({ file, dryRun: true }, { onSuccess: (preview) => setState({ step: 'preview', file, preview }) });
  const confirm = (file: File) =>
    run.mutate({ file, dryRun: false, skipInvalid }, { onSuccess: (result) => setState({ step: 'done', result }) });

  // Past the last index once done, so every step shows as finished.
  const current = { upload: 0, preview: 1, done: 3 }[state.step];
  return (
    <>
      <PageHeader title={t('import.title')} back={{ to: '/members', label: t('members.title') }} />
      <div className="tx-panel">
        <Steps
          current={current}
          size="small"
          titlePlacement={phone ? 'vertical' : 'horizontal'}
          responsive={false}
          items={[{ title: t('import.stepUpload') }, { title: t('import.stepPreview') }, { title: t('import.stepDone') }]}
          style={{ marginBottom: 24 }}
        />
        {state.step === 'upload' && <UploadStep onFile={check} busy={run.isPending} />}
        {state.step === 'preview' && (
          <PreviewStep
            fileName={state.file.name}
            result={state.preview}
            skipInvalid={skipInvalid}
            onSkipInvalid={setSkipInvalid}
            onReupload={check}
            onConfirm={() => confirm(state.file)}
            busy={run.isPending}
          />
        )}
        {state.step === 'done' && <ResultStep result={state.result} onAgain={() => setState({ step: 'upload' })} />}
      </div>
    </>
  );
}
