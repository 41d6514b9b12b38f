import { useState } from 'react';
import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/client';
import { fmtDateTime } from '../../components/format';

export interface AuditRow {
  id: number; at: string; entity: string; entityId: string | null; action: string; before: unknown; after: unknown;
  ip: string | null; userName: string | null; username: string | null; unitName: string | null;
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]) && a[k] !== undefined && !(b[k] === undefined && a[k] === null));
  if (!keys.length) return null;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {keys.map((k) => (
        <li key={k}><Typography.Text code>{k}</Typography.Text>: {b[k] !== undefined && <><Typography.Text delete type="secondary">{String(b[k] ?? '∅')}</Typography.Text> → </>}{String(a[k] ?? '∅')}</li>
      ))}
    </ul>
  );
}

/** The audit rows of one record or of a filtered slice: who changed what, when, before → after. */
export function AuditTrail(props: { entity?: string; entityId?: string; unitId?: number; userId?: number; from?: string; to?: string; action?: string; title?: boolean }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const params = { entity: props.entity, entityId: props.entityId, unitId: props.unitId, userId: props.userId, from: props.from, to: props.to, action: props.action };
  const { data, isFetching } = useQuery({
    queryKey: ['audit', params, page],
    queryFn: () => api.get<{ rows: AuditRow[]; total: number }>(`/api/audit${qs({ ...params, page, pageSize: 20 })}`),
  });
  const label = (group: string, key: string) => (i18n.exists(`audit.${group}.${key}`) ? t(`audit.${group}.${key}`) : key);
  return (
    <Table<AuditRow> rowKey="id" size="small" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 760 }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
      columns={[
        { title: t('audit.at'), dataIndex: 'at', width: 140, render: fmtDateTime },
        { title: t('audit.user'), dataIndex: 'userName', width: 160 },
        { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (e, r) => `${label('entities', e)}${r.entityId ? ` #${r.entityId}` : ''}` },
        { title: t('audit.action'), dataIndex: 'action', width: 120, render: (a) => label('actions', a) },
        { title: t('common.unit'), dataIndex: 'unitName', width: 200, responsive: ['lg'] },
        { title: t('common.details'), key: 'change', render: (_, r) => <Change before={r.before} after={r.after} /> },
      ]} />
  );
}
