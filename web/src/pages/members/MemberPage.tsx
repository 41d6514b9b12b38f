import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { applyApiError } from '../../components/forms';
import { DATE_FORMAT, fmtDate, toIso } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import { AuditTrail } from '../admin/AuditTrail';

interface MemberDetail {
  id: number; unitId: number; unitName: string; groupName: string | null; fullName: string; sex: string | null; birthDate: string | null;
  citizenId: string | null; ethnicity: string | null; religion: string | null; partyMember: boolean | null; partyJoinedOn: string | null;
  education: string | null; qualification: string | null; job: string | null; phone: string | null; address: string | null;
  joinedOn: string | null; cardNumber: string | null; cardIssuedOn: string | null; status: string; leftOn: string | null; leftReason: string | null;
  version: number; unitPath?: string;
  events: { id: number; kind: string; onDate: string; decisionNo: string | null; reason: string | null; cardNumber: string | null; unitName: string; otherUnitName: string | null }[];
  assessments: { year: number; rating: string }[];
  recommendations: { id: number; recommendedOn: string; decisionNo: string | null; outcome: string; admittedOn: string | null; version: number }[];
}

export interface Card { fullName: string; unitName: string; cardNumber: string; validUntil: string; qr: string }

/** The printable, phone-sized member card. */
export function MemberCard({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <div style={{ width: 340, maxWidth: '100%', borderRadius: 12, padding: 16, color: '#fff', background: 'linear-gradient(135deg,#0b5cad,#063a70)', boxShadow: '0 4px 14px rgba(0,0,0,.2)' }}>
      <div style={{ fontSize: 12, letterSpacing: 1, opacity: 0.9 }}>CÔNG ĐOÀN VIỆT NAM</div>
      <div style={{ fontWeight: 700, fontSize: 16, marginBottom: 8 }}>{t('members.card')}</div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <img src={card.qr} alt={t('members.qrAlt')} width={112} height={112} style={{ background: '#fff', borderRadius: 6 }} />
        <div>
          <div style={{ fontWeight: 700, fontSize: 18 }}>{card.fullName}</div>
          <div style={{ fontSize: 13, opacity: 0.9 }}>{card.unitName}</div>
          <div style={{ marginTop: 6, fontFamily: 'monospace', fontSize: 15 }}>{card.cardNumber}</div>
          <div style={{ fontSize: 12, opacity: 0.9 }}>{t('members.validUntil')}: {fmtDate(card.validUntil)}</div>
        </div>
      </div>
    </div>
  );
}

type Action = 'transfer' | 'leave' | 'recommend' | null;

export function MemberPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { data: m, error: loadError } = useQuery({ queryKey: ['member', id], queryFn: () => api.get<MemberDetail>(`/api/members/${id}`) });
  const { data: unit } = useQuery({ queryKey: ['unit', m?.unitId], queryFn: () => api.get<{ path: string }>(`/api/units/${m!.unitId}`), enabled: Boolean(m) });
  const { data: card } = useQuery({ queryKey: ['member', id, 'card'], queryFn: () => api.get<Card>(`/api/members/${id}/card`), enabled: Boolean(m?.cardNumber) });
  if (loadError) return <Alert type="error" showIcon title={errorText(loadError)} />;
  if (!m) return <Card loading />;
  const canWrite = allows(me, 'member.write', unit?.path) && m.status === 'active';
  const refresh = () => client.invalidateQueries({ queryKey: ['member', id] });

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try { await fn(); message.success(t('common.saved')); setAction(null); form.resetFields(); await refresh(); } catch (err) { setError(applyApiError(form, err)); }
  };
  const submit = (v: any) => run(() => action === 'transfer'
    ? api.post(`/api/members/${id}/transfer`, { toUnitId: v.toUnitId, onDate: toIso(v.onDate), decisionNo: v.decisionNo, reason: v.reason, version: m.version })
    : action === 'leave'
      ? api.post(`/api/members/${id}/leave`, { kind: v.kind, onDate: toIso(v.onDate), reason: v.reason, version: m.version })
      : api.post(`/api/members/${id}/party-recommendations`, { recommendedOn: toIso(v.onDate), decisionNo: v.decisionNo, note: v.reason }));

  return (
    <Card
      title={<Space wrap><span>{m.fullName}</span><Tag color={m.status === 'active' ? 'green' : 'default'}>{t(`members.statuses.${m.status}`)}</Tag></Space>}
      extra={canWrite && (
        <Space wrap>
          <Button icon={<IdcardOutlined />} onClick={() => run(() => api.post(`/api/members/${id}/card`))}>{m.cardNumber ? t('members.reissueCard') : t('members.issueCard')}</Button>
          <Button onClick={() => setAction('transfer')}>{t('members.transfer')}</Button>
          <Button onClick={() => setAction('recommend')}>{t('members.recommend')}</Button>
          <Button danger onClick={() => setAction('leave')}>{t('members.leave')}</Button>
        </Space>
      )}>
      <Tabs items={[
        {
          key: 'info', label: t('common.info'), children: (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
              { label: t('common.unit'), children: m.unitName }, { label: t('members.group'), children: m.groupName },
              { label: t('members.sex'), children: m.sex ? t(`members.sexes.${m.sex}`) : '' }, { label: t('members.birthDate'), children: fmtDate(m.birthDate) },
              { label: t('members.citizenId'), children: m.citizenId }, { label: t('members.ethnicity'), children: m.ethnicity },
              { label: t('members.religion'), children: m.religion },
              { label: t('members.partyMember'), children: m.partyMember === null ? '•••' : m.partyMember ? `${t('common.yes')} (${fmtDate(m.partyJoinedOn)})` : t('common.no') },
              { label: t('members.education'), children: m.education }, { label: t('members.qualification'), children: m.qualification },
              { label: t('members.job'), children: m.job }, { label: t('members.phone'), children: m.phone },
              { label: t('members.address'), children: m.address }, { label: t('members.joinedOn'), children: fmtDate(m.joinedOn) },
              { label: t('members.cardNumber'), children: m.cardNumber },
              ...(m.leftOn ? [{ label: t('members.leftOn'), children: `${fmtDate(m.leftOn)} — ${m.leftReason ?? ''}` }] : []),
            ]} />
          ),
        },
        {
          key: 'timeline', label: t('common.history'), children: (
            <>
              <Timeline items={m.events.map((e) => ({
                key: e.id, color: e.kind === 'leave' || e.kind === 'death' ? 'red' : e.kind.startsWith('transfer') ? 'orange' : 'blue',
                children: <><Typography.Text strong>{fmtDate(e.onDate)}</Typography.Text> — {t(`members.events.${e.kind}`)} · {e.unitName}
                  {e.otherUnitName ? ` (${e.kind === 'transfer_out' ? '→' : '←'} ${e.otherUnitName})` : ''}{e.decisionNo ? ` · ${e.decisionNo}` : ''}
                  {e.cardNumber ? ` · ${e.cardNumber}` : ''}{e.reason ? ` · ${e.reason}` : ''}</>,
              }))} />
              <AuditTrail entity="member" entityId={String(m.id)} />
            </>
          ),
        },
        {
          key: 'card', label: t('members.card'), children: card ? (
            <Space orientation="vertical">
              <MemberCard card={card} />
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="cds-no-print">{t('common.print')}</Button>
            </Space>
          ) : <Empty description={t('members.noCard')} />,
        },
        {
          key: 'ratings', label: t('members.ratingsAndParty'), children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Table rowKey="year" size="small" pagination={false} dataSource={m.assessments}
                columns={[{ title: t('members.year'), dataIndex: 'year' }, { title: t('members.rating'), dataIndex: 'rating', render: (r) => t(`members.ratings.${r}`) }]} />
              <Table rowKey="id" size="small" pagination={false} dataSource={m.recommendations}
                columns={[
                  { title: t('members.recommendedOn'), dataIndex: 'recommendedOn', render: fmtDate },
                  { title: t('members.decisionNo'), dataIndex: 'decisionNo' },
                  { title: t('members.outcome'), dataIndex: 'outcome', render: (o, r) => `${t(`members.outcomes.${o}`)}${r.admittedOn ? ` (${fmtDate(r.admittedOn)})` : ''}` },
                ]} />
            </Space>
          ),
        },
      ]} />
      <Modal open={action !== null} title={action ? t(`members.${action}`) : ''} onCancel={() => setAction(null)} onOk={() => form.submit()} destroyOnHidden okText={t('common.confirm')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'leave' }}>
          {action === 'transfer' && <Form.Item name="toUnitId" label={t('members.toUnit')} rules={[{ required: true }]}><UnitPicker kind="grassroots" style={{ width: '100%' }} /></Form.Item>}
          {action === 'leave' && (
            <Form.Item name="kind" label={t('members.leaveKind')}>
              <Select options={[{ value: 'leave', label: t('members.events.leave') }, { value: 'death', label: t('members.events.death') }]} />
            </Form.Item>
          )}
          <Form.Item name="onDate" label={t('common.date')} rules={[{ required: true }]}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
          {action !== 'leave' && <Form.Item name="decisionNo" label={t('members.decisionNo')}><Input /></Form.Item>}
          <Form.Item name="reason" label={action === 'leave' ? t('members.reason') : t('common.note')} rules={action === 'leave' ? [{ required: true }] : []}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
