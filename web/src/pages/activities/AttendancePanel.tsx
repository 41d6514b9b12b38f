import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText, qs } from '../../api/client';
import { fmtDate, fmtDateTime, fmtNumber } from '../../components/format';
import { ScanPanel } from './ScanPanel';
import { ImportPanel } from './ImportPanel';
import type { Activity } from './api';

interface Candidate { id: number; fullName: string; sex: string | null; cardNumber: string | null; birthDate: string | null; unitName: string; present: boolean }

/** Attendance by member: pick from the unit's members, scan e-cards, import a sheet; the list of who came. */
export function AttendancePanel({ activity, onChanged }: { activity: Activity; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [mode, setMode] = useState<'pick' | 'scan' | 'import' | 'present'>(activity.canWrite && activity.status === 'held' ? 'pick' : 'present');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<number[] | null>(null);
  const [reason, setReason] = useState('');
  const open = activity.canWrite && activity.status === 'held';
  const candidates = useQuery({
    queryKey: ['attendance-candidates', activity.id, q, page, pageSize],
    queryFn: () => api.get<{ rows: Candidate[]; total: number }>(`/api/activities/${activity.id}/attendance/candidates${qs({ q, page, pageSize })}`),
    enabled: mode === 'pick',
  });
  const present = useQuery({
    queryKey: ['attendance', activity.id, page, pageSize],
    queryFn: () => api.get<{ rows: any[]; total: number }>(`/api/activities/${activity.id}/attendance${qs({ page, pageSize })}`),
    enabled: mode === 'present',
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['attendance-candidates', activity.id] });
    await client.invalidateQueries({ queryKey: ['attendance', activity.id] });
    onChanged();
  };
  const mark = async () => {
    setSaving(true);
    try {
      const r = await api.post<{ added: number; already: number }>(`/api/activities/${activity.id}/attendance`, { memberIds: selected });
      message.success(t('activities.marked', { count: r.added }));
      setSelected([]);
      await refresh();
    } catch (err) { message.error(errorText(err)); } finally { setSaving(false); }
  };
  const remove = async () => {
    try {
      await api.post(`/api/activities/${activity.id}/attendance/remove`, { memberIds: removing, reason });
      setRemoving(null); setReason(''); setSelected([]);
      await refresh();
    } catch (err) { message.error(errorText(err)); }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented value={mode} onChange={(v) => { setMode(v as typeof mode); setPage(1); setSelected([]); }} options={[
        ...(open ? [{ value: 'pick', label: t('activities.att.pick') }, { value: 'scan', label: t('activities.att.scan') }, { value: 'import', label: t('activities.att.import') }] : []),
        { value: 'present', label: t('activities.att.present', { count: activity.attendance?.members ?? 0 }) },
      ]} />
      {!open && activity.status !== 'held' && <Alert type="info" showIcon title={t('activities.att.notHeld')} />}
      {mode === 'pick' && (
        <>
          <Space wrap>
            <Input.Search allowClear placeholder={t('activities.att.search')} onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 260 }} aria-label={t('common.search')} />
            <Button type="primary" disabled={!selected.length} loading={saving} onClick={mark}>{t('activities.att.mark', { count: selected.length })}</Button>
          </Space>
          <Table<Candidate> rowKey="id" size="small" loading={candidates.isFetching} dataSource={candidates.data?.rows ?? []} scroll={{ x: 520 }}
            rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (c) => ({ disabled: c.present, 'aria-label': c.fullName }) }}
            pagination={{ current: page, pageSize, total: candidates.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], onChange: (p, s) => { setPage(p); setPageSize(s); }, showTotal: (n) => t('common.total', { count: n }) }}
            locale={{ emptyText: t('activities.att.noCandidates') }}
            columns={[
              { title: t('members.fullName'), dataIndex: 'fullName', render: (n: string, c) => <>{n} {c.present && <Tag color="green">{t('activities.att.isPresent')}</Tag>}</> },
              { title: t('members.birthDate'), dataIndex: 'birthDate', render: fmtDate, responsive: ['md'] },
              { title: t('members.cardNumber'), dataIndex: 'cardNumber', responsive: ['md'] },
              { title: t('common.unit'), dataIndex: 'unitName', responsive: ['lg'] },
            ]} />
        </>
      )}
      {mode === 'scan' && <ScanPanel activityId={activity.id} onScanned={refresh} />}
      {mode === 'import' && <ImportPanel activityId={activity.id} onSaved={refresh} />}
      {mode === 'present' && (
        <>
          {activity.canWrite && <Button danger disabled={!selected.length} onClick={() => setRemoving(selected)}>{t('activities.att.remove', { count: selected.length })}</Button>}
          <Table rowKey="memberId" size="small" loading={present.isFetching} dataSource={present.data?.rows ?? []} scroll={{ x: 520 }}
            rowSelection={activity.canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
            pagination={{ current: page, pageSize, total: present.data?.total ?? 0, onChange: (p, s) => { setPage(p); setPageSize(s); }, showTotal: (n) => t('common.total', { count: n }) }}
            locale={{ emptyText: t('activities.att.nobody') }}
            columns={[
              { title: t('members.fullName'), dataIndex: 'fullName' },
              { title: t('common.unit'), dataIndex: 'unitName', responsive: ['md'] },
              { title: t('activities.att.method'), dataIndex: 'method', render: (m: string) => t(`activities.att.methods.${m}`) },
              { title: t('activities.att.recordedAt'), dataIndex: 'recordedAt', render: fmtDateTime, responsive: ['lg'] },
            ]} />
          <Typography.Text type="secondary">{t('activities.att.summary', { members: fmtNumber(activity.attendance?.members ?? 0), female: fmtNumber(activity.attendance?.female ?? 0) })}</Typography.Text>
        </>
      )}
      <Modal open={removing !== null} title={t('activities.att.removeTitle')} onCancel={() => setRemoving(null)} onOk={remove} okButtonProps={{ disabled: reason.trim().length < 3 }} okText={t('common.confirm')}>
        <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('activities.att.removeReason')} aria-label={t('activities.att.removeReason')} />
      </Modal>
    </Space>
  );
}
