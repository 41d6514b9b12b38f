import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Timeline, Typography,
} from 'antd';
import { EditOutlined, IdcardOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { applyApiError } from '../../components/forms';
import { DATE_FORMAT, fmtDate, fmtDateTime, toIso } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import { useScopedHref } from '../../scope/UnitScope';
import { MemberCard, printCard } from './MemberCard';
import { MemberFormDrawer } from './MemberFormDrawer';
import type { CardView, MemberDetail, MemberEvent, Recommendation } from './types';

type Action = 'transfer' | 'leave' | 'recommend' | 'card' | null;

interface History {
  events: MemberEvent[];
  audit: { id: number; at: string; entity: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; userName: string | null; unitName: string | null }[];
}

const EVENT_COLORS: Record<string, string> = { admission: 'green', register: 'green', transfer_in: 'blue', transfer_out: 'orange', leave: 'red', death: 'gray', card_issue: 'cyan', card_reissue: 'cyan' };

/** Lịch sử: life events (by their date) and recorded changes (by when they were made), newest first. */
function HistoryTab({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery({ queryKey: ['member', id, 'history'], queryFn: () => api.get<History>(`/api/members/${id}/history`) });
  if (!data) return <Card loading />;
  const field = (k: string) => (i18n.exists(`members.fields.${k}`) ? t(`members.fields.${k}`) : k);
  const items = [
    ...data.events.map((e) => ({
      key: `e${e.id}`, sort: e.onDate, color: EVENT_COLORS[e.kind] ?? 'blue',
      content: (
        <>
          <Typography.Text strong>{fmtDate(e.onDate)}</Typography.Text> — {t(`members.events.${e.kind}`)} · {e.unitName}
          {e.otherUnitName ? ` (${e.kind === 'transfer_out' ? '→' : '←'} ${e.otherUnitName})` : ''}{e.decisionNo ? ` · ${t('members.decisionNo')} ${e.decisionNo}` : ''}
          {e.cardNumber ? ` · ${t('members.cardNumber')} ${e.cardNumber}` : ''}{e.reason ? ` · ${e.reason}` : ''}
        </>
      ),
    })),
    ...data.audit.map((a) => ({
      key: `a${a.id}`, sort: a.at.slice(0, 10), color: 'gray',
      content: (
        <Typography.Text type="secondary">
          {fmtDateTime(a.at)} — {a.userName ?? ''}: {i18n.exists(`members.auditActions.${a.action}`) ? t(`members.auditActions.${a.action}`) : a.action}
          {a.action === 'update' && a.after && ` (${Object.keys(a.after).filter((k) => k !== 'name_sort').map(field).join(', ')})`}
        </Typography.Text>
      ),
    })),
  ].sort((x, y) => (x.sort < y.sort ? 1 : x.sort > y.sort ? -1 : 0));
  return items.length ? <Timeline items={items.map((i) => ({ key: i.key, color: i.color, content: i.content }))} /> : <Empty />;
}

function RecommendationsTab({ m, canWrite, onChanged }: { m: MemberDetail; canWrite: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Recommendation | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const save = async (v: any) => {
    try {
      await api.patch(`/api/party-recommendations/${editing!.id}`, { outcome: v.outcome, admittedOn: v.outcome === 'admitted' ? toIso(v.admittedOn) : null, outcomeNote: v.outcomeNote, version: editing!.version });
      setEditing(null);
      onChanged();
    } catch (err) { setError(applyApiError(form, err)); }
  };
  return (
    <>
      <Table rowKey="id" size="small" pagination={false} dataSource={m.recommendations ?? []} scroll={{ x: 700 }}
        locale={{ emptyText: <Empty description={t('members.noRecommendations')} /> }}
        columns={[
          { title: t('members.recommendedOn'), dataIndex: 'recommendedOn', render: fmtDate },
          { title: t('members.recommendingUnit'), dataIndex: 'unitName' },
          { title: t('members.decisionNo'), dataIndex: 'decisionNo' },
          { title: t('members.partyBody'), dataIndex: 'partyBody' },
          { title: t('members.outcome'), dataIndex: 'outcome', render: (o: string, r: Recommendation) => <Tag color={o === 'admitted' ? 'red' : o === 'pending' ? 'gold' : 'default'}>{t(`members.outcomes.${o}`)}{r.admittedOn ? ` ${fmtDate(r.admittedOn)}` : ''}</Tag> },
          ...(canWrite ? [{ key: 'edit', render: (_: unknown, r: Recommendation) => <Button size="small" onClick={() => { setError(null); setEditing(r); form.setFieldsValue({ outcome: r.outcome, outcomeNote: r.outcomeNote }); }}>{t('members.setOutcome')}</Button> }] : []),
        ]} />
      <Modal open={Boolean(editing)} title={t('members.setOutcome')} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden okText={t('common.save')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="outcome" label={t('members.outcome')}>
            <Radio.Group options={['pending', 'admitted', 'not_admitted'].map((o) => ({ value: o, label: t(`members.outcomes.${o}`) }))} />
          </Form.Item>
          {outcome === 'admitted' && <Form.Item name="admittedOn" label={t('members.admittedOn')} rules={[{ required: true, message: t('members.admittedOn') }]}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>}
          <Form.Item name="outcomeNote" label={t('common.note')}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** A member's record: header with the key facts, tabs, lifecycle actions, edit in a drawer. */
export function MemberPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const href = useScopedHref();
  const client = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: m, error: loadError, refetch } = useQuery({ queryKey: ['member', id], queryFn: () => api.get<MemberDetail>(`/api/members/${id}`) });
  const { data: card } = useQuery({ queryKey: ['member', id, 'card', m?.cardNumber, m?.status], queryFn: () => api.get<CardView>(`/api/members/${id}/card`), enabled: Boolean(m?.cardNumber) });
  const destination = Form.useWatch('destination', form);
  if (loadError) return <Alert type="error" showIcon title={errorText(loadError)} />;
  if (!m) return <Card loading />;
  const canWrite = allows(me, 'member.write', m.unitPath) && m.status === 'active';
  const refresh = () => client.invalidateQueries({ queryKey: ['member', id] });

  const run = async (fn: () => Promise<unknown>, done?: (r: any) => void) => {
    setError(null);
    setBusy(true);
    try {
      const r = await fn();
      if (done) done(r); else message.success(t('common.saved'));
      setAction(null);
      form.resetFields();
      await refresh();
      await client.invalidateQueries({ queryKey: ['members'] });
    } catch (err) { setError(applyApiError(form, err)); } finally { setBusy(false); }
  };
  const submit = (v: any) => {
    if (action === 'transfer') {
      return run(() => api.post(`/api/members/${id}/transfer`, {
        toUnitId: v.destination === 'outside' ? null : v.toUnitId, destinationName: v.destination === 'outside' ? v.destinationName : null,
        onDate: toIso(v.onDate), decisionNo: v.decisionNo, reason: v.reason, version: m.version,
      }), (r) => message.success(r.transferOutcome === 'requested' ? t('members.transferRequested') : t('members.transferDone')));
    }
    if (action === 'leave') return run(() => api.post(`/api/members/${id}/leave`, { kind: v.kind, onDate: toIso(v.onDate), reason: v.reason, version: m.version }));
    if (action === 'card') return run(() => api.post(`/api/members/${id}/card`, { reason: v.reason }));
    return run(() => api.post(`/api/members/${id}/party-recommendations`, { recommendedOn: toIso(v.onDate), decisionNo: v.decisionNo, partyBody: v.partyBody, note: v.reason }));
  };
  const cancelTransfer = () => modal.confirm({
    title: t('members.cancelTransferConfirm'), okText: t('common.confirm'), cancelText: t('common.cancel'),
    onOk: () => run(() => api.post(`/api/member-transfers/${m.pendingTransfer!.id}/cancel`, { version: m.pendingTransfer!.version })),
  });

  const birth = m.birthPrecision === 'year' ? m.birthDate?.slice(0, 4) : fmtDate(m.birthDate);
  return (
    <Card
      title={<Space wrap>
        <span>{m.fullName}</span>
        <Tag color={m.status === 'active' ? 'green' : 'default'}>{t(`members.statuses.${m.status}`)}</Tag>
        {m.partyMember && <Tag color="red">{t('members.partyMember')}</Tag>}
      </Space>}
      extra={canWrite && (
        <Space wrap className="cds-no-print">
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          <Button icon={<IdcardOutlined />} onClick={() => (m.cardNumber ? setAction('card') : run(() => api.post(`/api/members/${id}/card`)))}>{m.cardNumber ? t('members.reissueCard') : t('members.issueCard')}</Button>
          {!m.pendingTransfer && <Button onClick={() => setAction('transfer')}>{t('members.transfer')}</Button>}
          {m.sensitiveVisible && !m.partyMember && <Button onClick={() => setAction('recommend')}>{t('members.recommend')}</Button>}
          <Button danger onClick={() => setAction('leave')}>{t('members.leave')}</Button>
        </Space>
      )}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }} items={[
        { label: t('common.unit'), children: m.unitName },
        { label: t('members.group'), children: m.groupName ?? '—' },
        { label: t('members.joinedOn'), children: fmtDate(m.joinedOn) },
        { label: t('members.cardNumber'), children: m.cardNumber ? `${m.cardNumber} (${t('members.validUntil').toLowerCase()} ${fmtDate(m.cardValidUntil)})` : t('members.noCardShort') },
      ]} />
      {m.pendingTransfer && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={t('members.pendingTransfer', { unit: m.pendingTransfer.toUnitName, date: fmtDate(m.pendingTransfer.requestedOn) })}
          action={canWrite && <Button size="small" onClick={cancelTransfer}>{t('members.cancelTransfer')}</Button>} />
      )}
      <Tabs items={[
        {
          key: 'info', label: t('common.info'), children: (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
              { label: t('members.fullName'), children: m.fullName },
              { label: t('members.sex'), children: m.sex ? t(`members.sexes.${m.sex}`) : '' }, { label: t('members.birthDate'), children: birth },
              { label: t('members.citizenId'), children: m.citizenId }, { label: t('members.ethnicity'), children: m.ethnicity },
              { label: t('members.religion'), children: m.religion },
              { label: t('members.partyMember'), children: m.partyMember === null ? '•••' : m.partyMember ? `${t('common.yes')}${m.partyJoinedOn ? ` (${fmtDate(m.partyJoinedOn)})` : ''}` : t('common.no') },
              { label: t('members.education'), children: m.education }, { label: t('members.qualification'), children: m.qualification },
              { label: t('members.vocationalLevel'), children: m.vocationalLevel }, { label: t('members.job'), children: m.job },
              { label: t('members.phone'), children: m.phone }, { label: t('members.address'), children: m.address },
              { label: t('members.joinedOn'), children: fmtDate(m.joinedOn) }, { label: t('members.group'), children: m.groupName },
              ...(m.leftOn ? [{ label: t('members.leftOn'), children: `${fmtDate(m.leftOn)} — ${m.leftReason ?? ''}` }] : []),
            ]} />
          ),
        },
        { key: 'history', label: t('common.history'), children: <HistoryTab id={id} /> },
        {
          key: 'card', label: t('members.card'), children: card ? (
            <Space orientation="vertical" size="middle">
              <div className="cds-print-area"><MemberCard card={card} /></div>
              {!card.active && <Alert type="warning" showIcon title={t('members.cardRevoked')} />}
              <Space wrap className="cds-no-print">
                <Button icon={<PrinterOutlined />} onClick={printCard}>{t('members.printCard')}</Button>
                <Link to={`/the/${card.token}`} target="_blank"><Button icon={<SafetyCertificateOutlined />}>{t('members.openVerification')}</Button></Link>
              </Space>
            </Space>
          ) : <Empty description={t('members.noCard')} />,
        },
        {
          key: 'ratings', label: t('members.ratingsTab'), children: (
            <Table rowKey="year" size="small" pagination={false} dataSource={m.assessments} locale={{ emptyText: <Empty description={t('members.noRatings')} /> }}
              columns={[
                { title: t('members.year'), dataIndex: 'year' },
                { title: t('members.rating'), dataIndex: 'rating', render: (r: string) => t(`members.ratings.${r}`) },
                { title: t('common.unit'), dataIndex: 'unitName' },
                { title: t('common.note'), dataIndex: 'note' },
              ]} />
          ),
        },
        ...(m.recommendations ? [{ key: 'party', label: t('members.partyTab'), children: <RecommendationsTab m={m} canWrite={canWrite} onChanged={refresh} /> }] : []),
      ]} />
      <MemberFormDrawer open={editing} member={m} onClose={() => setEditing(false)} onReload={() => refetch()}
        onSaved={async () => { setEditing(false); message.success(t('common.saved')); await refresh(); }} />
      <Modal open={action !== null} title={action ? t(`members.actions.${action}`) : ''} onCancel={() => setAction(null)} onOk={() => form.submit()}
        confirmLoading={busy} destroyOnHidden okText={t('common.confirm')} cancelText={t('common.cancel')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'leave', destination: 'system' }}>
          {action === 'transfer' && (
            <>
              <Form.Item name="destination">
                <Radio.Group options={[{ value: 'system', label: t('members.toSystemUnit') }, { value: 'outside', label: t('members.toOutside') }]} />
              </Form.Item>
              {destination === 'outside'
                ? <Form.Item name="destinationName" label={t('members.destinationName')} rules={[{ required: true, message: t('members.destinationName') }]}><Input /></Form.Item>
                : <Form.Item name="toUnitId" label={t('members.toUnit')} rules={[{ required: true, message: t('members.toUnit') }]} extra={t('members.transferHint')}>
                    <UnitPicker kind="grassroots" style={{ width: '100%' }} aria-label={t('members.toUnit')} />
                  </Form.Item>}
            </>
          )}
          {action === 'leave' && (
            <Form.Item name="kind" label={t('members.leaveKind')}>
              <Select options={[{ value: 'leave', label: t('members.events.leave') }, { value: 'death', label: t('members.events.death') }]} />
            </Form.Item>
          )}
          {action !== 'card' && (
            <Form.Item name="onDate" label={action === 'recommend' ? t('members.recommendedOn') : t('common.date')} rules={[{ required: true, message: t('common.date') }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {(action === 'transfer' || action === 'recommend') && <Form.Item name="decisionNo" label={t('members.decisionNo')}><Input /></Form.Item>}
          {action === 'recommend' && <Form.Item name="partyBody" label={t('members.partyBody')}><Input placeholder={t('members.partyBodyHint')} /></Form.Item>}
          <Form.Item name="reason" label={action === 'leave' ? t('members.reason') : action === 'card' ? t('members.reissueReason') : t('common.note')}
            rules={action === 'leave' ? [{ required: true, message: t('members.reason') }] : []}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <div className="cds-no-print" style={{ marginTop: 8 }}><Link to={href('/doan-vien')}>← {t('members.backToList')}</Link></div>
    </Card>
  );
}
