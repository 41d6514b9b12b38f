import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { applyApiError } from '../../components/forms';
import { PageHeader } from '../../components/ListParts';
import { fmtDate } from '../../components/format';
import { useUnitScope } from '../../scope/UnitScope';

interface Transfer {
  id: number; memberId: number; fullName: string; sex: string | null; birthYear: number | null; joinedOn: string | null; cardNumber: string | null; job: string | null;
  fromUnitId: number; fromUnitName: string; toUnitId: number; toUnitName: string; requestedOn: string; decisionNo: string | null; reason: string | null;
  status: string; requestedBy: string | null; decidedBy: string | null; effectiveOn: string | null; answer: string | null; version: number;
}
const STATUS_COLOR: Record<string, string> = { pending: 'gold', accepted: 'green', rejected: 'red', cancelled: 'default' };

function TransferList({ direction }: { direction: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | undefined>('pending');
  const [answering, setAnswering] = useState<{ row: Transfer; kind: 'accept' | 'reject' } | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { data, isFetching, error: loadError } = useQuery({
    queryKey: ['member-transfers', unitId, direction, status],
    queryFn: () => api.get<{ rows: Transfer[]; total: number }>(`/api/member-transfers${qs({ unitId, direction, status, pageSize: 200 })}`),
    enabled: Boolean(unitId),
  });
  const canWrite = allows(me, 'member.write', unit?.path);
  const act = async (row: Transfer, kind: 'accept' | 'reject' | 'cancel', body: Record<string, unknown> = {}) => {
    setError(null);
    try {
      await api.post(`/api/member-transfers/${row.id}/${kind}`, { ...body, version: row.version });
      message.success(t(`members.transferActions.${kind}Done`));
      setAnswering(null);
      await client.invalidateQueries({ queryKey: ['member-transfers'] });
      await client.invalidateQueries({ queryKey: ['members'] });
    } catch (err) { setError(applyApiError(form, err)); if (kind === 'cancel') message.error(errorText(err)); }
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear value={status} onChange={setStatus} style={{ width: 200 }} placeholder={t('common.status')} aria-label={t('common.status')}
          options={['pending', 'accepted', 'rejected', 'cancelled'].map((s) => ({ value: s, label: t(`members.transferStatuses.${s}`) }))} />
      </Space>
      {loadError && <Alert type="error" showIcon title={errorText(loadError)} />}
      <Table<Transfer> rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 1000 }} pagination={{ pageSize: 50 }}
        locale={{ emptyText: <Empty description={t(direction === 'incoming' ? 'members.noIncoming' : 'members.noOutgoing')} /> }}
        columns={[
          { title: t('members.fullName'), dataIndex: 'fullName', width: 190, render: (v: string, r) => <>{v}<div style={{ fontSize: 12, color: '#888' }}>{r.sex ? t(`members.sexes.${r.sex}`) : ''}{r.birthYear ? ` · ${r.birthYear}` : ''}{r.job ? ` · ${r.job}` : ''}</div></> },
          { title: direction === 'incoming' ? t('members.fromUnit') : t('members.toUnit'), key: 'other', render: (_, r) => (direction === 'incoming' ? r.fromUnitName : r.toUnitName) },
          { title: t('members.requestedOn'), dataIndex: 'requestedOn', width: 120, render: fmtDate },
          { title: t('members.decisionNo'), dataIndex: 'decisionNo', width: 120 },
          { title: t('members.reason'), dataIndex: 'reason' },
          { title: t('common.status'), dataIndex: 'status', width: 150, render: (s: string, r) => <><Tag color={STATUS_COLOR[s]}>{t(`members.transferStatuses.${s}`)}</Tag>{r.answer && <div style={{ fontSize: 12 }}>{r.answer}</div>}</> },
          ...(canWrite ? [{
            key: 'act', width: 220, render: (_: unknown, r: Transfer) => r.status === 'pending' && (
              direction === 'incoming'
                ? <Space><Button size="small" type="primary" onClick={() => { form.resetFields(); setError(null); setAnswering({ row: r, kind: 'accept' }); }}>{t('members.transferActions.accept')}</Button>
                    <Button size="small" danger onClick={() => { form.resetFields(); setError(null); setAnswering({ row: r, kind: 'reject' }); }}>{t('members.transferActions.reject')}</Button></Space>
                : <Button size="small" onClick={() => act(r, 'cancel')}>{t('members.transferActions.cancel')}</Button>
            ),
          }] : []),
        ]} />
      <Modal open={Boolean(answering)} title={answering ? `${t(`members.transferActions.${answering.kind}`)}: ${answering.row.fullName}` : ''}
        onCancel={() => setAnswering(null)} onOk={() => form.submit()} destroyOnHidden okText={t('common.confirm')} cancelText={t('common.cancel')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {answering?.kind === 'accept' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('members.acceptHint')} />}
        <Form form={form} layout="vertical" onFinish={(v) => answering && act(answering.row, answering.kind, { answer: v.answer })}>
          <Form.Item name="answer" label={answering?.kind === 'reject' ? t('members.rejectReason') : t('common.note')}
            rules={answering?.kind === 'reject' ? [{ required: true, message: t('members.rejectReason') }] : []}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Chuyển sinh hoạt: requests coming into the chosen unit (to accept or refuse) and going out of it. */
export function TransfersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('members.transfersTitle')} />
      <Card>
        <Tabs items={[
          { key: 'in', label: t('members.incoming'), children: <TransferList direction="incoming" /> },
          { key: 'out', label: t('members.outgoing'), children: <TransferList direction="outgoing" /> },
        ]} />
      </Card>
    </>
  );
}
