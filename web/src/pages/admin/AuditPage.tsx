import { useState } from 'react';
import { Card, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/client';
import { hasAnywhere, useMe } from '../../auth/session';
import { useUnitScope } from '../../scope/UnitScope';
import { DATE_FORMAT, toIso } from '../../components/format';
import { PageHeader } from '../../components/ListParts';
import { AuditTrail } from './AuditTrail';

/** Every write in the chosen unit's subtree (the scope selector), filterable by user, record kind, action and dates. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { unitId } = useUnitScope();
  const [userId, setUserId] = useState<number>();
  const [userSearch, setUserSearch] = useState('');
  const [entity, setEntity] = useState<string>();
  const [action, setAction] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { data: users } = useQuery({
    queryKey: ['users', unitId, userSearch],
    queryFn: () => api.get<{ rows: { id: number; fullName: string; username: string }[] }>(`/api/users${qs({ unitId, q: userSearch, pageSize: 50 })}`),
    enabled: Boolean(unitId) && hasAnywhere(me, 'user.read'),
  });
  // The record kinds and actions modules name in their locale files under audit.entities / audit.actions.
  const options = (group: 'entities' | 'actions') => Object.entries(i18n.getResource(i18n.language, 'translation', `audit.${group}`) ?? {})
    .map(([value, label]) => ({ value, label: String(label) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setUserSearch }} placeholder={t('audit.user')} style={{ width: 220 }}
            value={userId} onChange={setUserId} aria-label={t('audit.user')}
            options={users?.rows.map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('audit.entity')} style={{ width: 200 }}
            value={entity} onChange={setEntity} options={options('entities')} aria-label={t('audit.entity')} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('audit.action')} style={{ width: 180 }}
            value={action} onChange={setAction} options={options('actions')} aria-label={t('audit.action')} />
          <DatePicker.RangePicker format={DATE_FORMAT} value={range} onChange={(v) => setRange(v as never)} placeholder={[t('common.from'), t('common.to')]} />
        </Space>
        <AuditTrail unitId={unitId ?? undefined} userId={userId} entity={entity} action={action}
          from={toIso(range?.[0]) ?? undefined} to={toIso(range?.[1]) ?? undefined} />
      </Card>
    </>
  );
}
