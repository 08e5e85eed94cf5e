import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Descriptions, Radio } from 'antd';
import type { SessionUser } from '../../../common/auth';
import type { Member } from '../../../common/members';
import { ROLE_LABELS } from '../../../common/permissions';
import { api } from '../../app/api';
import { useCan, useUser } from '../../app/auth';
import { LogoutButton } from '../../app/layout/LogoutButton';
import { NavList } from '../../app/layout/NavList';
import { ME_MORE_NAV } from '../../app/layout/nav';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useIsPhone } from '../../components/hooks';
import { useLabel, usePrefs, useT, type TextKey } from '../../i18n';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { MemberDescriptions } from '../members/MemberDescriptions';

function Section({ id, title, children }: { id: string; title: TextKey; children: ReactNode }) {
  const t = useT();
  return (
    <section className="tx-panel" aria-labelledby={`${id}-title`} id={id}>
      <h2 className="tx-h2" id={`${id}-title`}>
        {t(title)}
      </h2>
      {children}
    </section>
  );
}

/** 我的: account, own member record, preferences, password, and (on a phone) the admin pages. */
export default function ProfilePage() {
  const t = useT();
  const label = useLabel();
  const user = useUser();
  const can = useCan();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const { lang, setLang, textSize, setTextSize } = usePrefs();
  const profile = useQuery({ queryKey: ['/api/profile'], queryFn: () => api<{ user: SessionUser; member: Member | null }>('/api/profile') });
  const more = ME_MORE_NAV.some((g) => g.items.some((i) => !i.permission || can(i.permission)));

  return (
    <>
      <PageHeader title={t('nav.me')} />
      <Section id="account" title="profile.account">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: t('field.name'), children: user.displayName },
            { key: 'username', label: t('auth.username'), children: user.username },
            { key: 'roles', label: t('users.roles'), children: user.roles.map((r) => label(ROLE_LABELS, r)).join('、') },
            { key: 'org', label: t('profile.org'), children: user.org.name },
          ]}
        />
      </Section>
      {/* On a phone: what the tab bar leaves out, before the long member record. */}
      {phone && more && (
        <Section id="more" title="profile.more">
          <NavList groups={ME_MORE_NAV} headings="h3" className="tx-morenav" label={t('profile.more')} />
        </Section>
      )}
      <Section id="member" title="profile.member">
        {profile.error ? (
          <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
        ) : profile.data?.member ? (
          <MemberDescriptions member={profile.data.member} linkGroup={can('members.read')} />
        ) : (
          !profile.isPending && <p>{t('profile.noMember')}</p>
        )}
      </Section>
      <Section id="prefs" title="profile.prefs">
        <div className="tx-pref">
          <span id="pref-lang">{t('profile.language')}</span>
          <Radio.Group
            aria-labelledby="pref-lang"
            value={lang}
            onChange={(e) => setLang(e.target.value)}
            optionType="button"
            options={[
              { value: 'zh', label: <span lang="zh-CN">中文</span> },
              { value: 'en', label: <span lang="en">English</span> },
            ]}
          />
        </div>
        <div className="tx-pref">
          <span id="pref-size">{t('profile.textSize')}</span>
          <Radio.Group
            aria-labelledby="pref-size"
            value={textSize}
            onChange={(e) => setTextSize(e.target.value)}
            optionType="button"
            options={[
              { value: 'normal', label: t('profile.textNormal') },
              { value: 'large', label: t('profile.textLarge') },
            ]}
          />
        </div>
      </Section>
      <Section id="password" title="auth.changePassword">
        <ChangePasswordForm onDone={() => message.success(t('auth.passwordChanged'))} />
      </Section>
      <LogoutButton block={phone} />
    </>
  );
}
