import { useState } from 'react';
import { Button, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, type CaseCategory } from '../../../common/cases';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { useOptions, useT } from '../../i18n';
import { StateTags } from './parts';
import { useFromSuggestion, useSuggestionCase } from './api';

/**
 * On a suggestion's page: the rights case it became (when the viewer may see it), or, for its handler
 * who also handles cases, the way to turn it into one.
 */
export function SuggestionCasePanel({ suggestionId, canHandle }: { suggestionId: string; canHandle: boolean }) {
  const t = useT();
  const can = useCan();
  const options = useOptions();
  const navigate = useNavigate();
  const linked = useSuggestionCase(suggestionId);
  const make = useFromSuggestion(suggestionId);
  const [category, setCategory] = useState<CaseCategory>();
  const mayMake = canHandle && can('cases.manage');
  const c = linked.data?.case;
  if (!c && !mayMake) return null;
  return (
    <section className="tx-panel" aria-labelledby="sug-case">
      <h2 className="tx-h2" id="sug-case">
        {t(c ? 'case.linked' : 'case.fromSuggestion')}
      </h2>
      {c ? (
        <div className="tx-sug-actions" data-testid="sug-case-link">
          <Link to={`/cases/${c.id}`}>{c.title}</Link>
          <StateTags state={c.state} />
        </div>
      ) : (
        <>
          <p className="tx-sug-muted">{t('case.fromSuggestionHint')}</p>
          <div className="tx-sug-actions">
            <Select aria-label={t('case.category')} placeholder={t('case.category')} value={category} onChange={setCategory} options={options(CASE_CATEGORIES, CASE_CATEGORY_LABELS)} style={{ minWidth: 140 }} data-testid="sug-case-category" />
            <Button
              type="primary"
              disabled={!category || linked.isPending}
              loading={make.isPending}
              onClick={() => toasted(make.mutateAsync(category!).then((made) => navigate(`/cases/${made.id}`)))}
              data-testid="sug-case-make"
            >
              {t('case.fromSuggestion')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
