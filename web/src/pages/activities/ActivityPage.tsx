import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';
import { fmtDate, fmtNumber } from '../../components/format';
import { AuditTrail } from '../admin/AuditTrail';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { AttendancePanel } from './AttendancePanel';
import { DocumentsPanel } from './DocumentsPanel';
import { MeetingPanel } from './MeetingPanel';
import { CATEGORY_COLORS, todayIso, type Activity } from './api';

/** One activity: its facts, attendance (by member or counts), the dialogue/conference record, files and history. */
export function ActivityPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const { data: a, error } = useQuery({ queryKey: ['activity', id], queryFn: () => api.get<Activity>(`/api/activities/${id}`) });
  const reload = () => client.invalidateQueries({ queryKey: ['activity', id] });
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!a) return <Card loading />;
  const markHeld = async () => {
    try { await api.patch(`/api/activities/${a.id}`, { status: 'held', version: a.version }); await reload(); } catch (err) { message.error(errorText(err)); }
  };
  const cancel = async () => {
    try { await api.post(`/api/activities/${a.id}/cancel`, { reason, version: a.version }); setCancelling(false); await reload(); } catch (err) { message.error(errorText(err)); }
  };
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }} align="start">
        <div>
          <Typography.Title level={3} className="cds-page-title">{a.title}</Typography.Title>
          <Space wrap>
            <Tag color={CATEGORY_COLORS[a.category]}>{a.kindName}</Tag>
            <Tag color={a.status === 'held' ? 'green' : a.status === 'planned' ? 'blue' : 'default'}>{t(`activities.statuses.${a.status}`)}</Tag>
            <span>{fmtDate(a.startsOn)}{a.endsOn !== a.startsOn ? ` – ${fmtDate(a.endsOn)}` : ''}</span>
            <span>· {a.unitName}</span>
            <b data-testid="attendee-count">{t('activities.attendeesCount', { count: a.attendees ?? 0 })}</b>
          </Space>
        </div>
        {a.canWrite && a.status !== 'cancelled' && (
          <Space wrap>
            {a.status === 'planned' && a.startsOn <= todayIso() && <Button type="primary" icon={<CheckOutlined />} onClick={markHeld}>{t('activities.markHeld')}</Button>}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>{t('activities.cancel')}</Button>
          </Space>
        )}
      </Space>
      {a.status === 'cancelled' && <Alert type="warning" showIcon title={t('activities.cancelledBecause', { reason: a.cancelReason })} style={{ margin: '12px 0' }} />}
      <Tabs items={[
        { key: 'info', label: t('common.info'), children: (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
            { label: t('activities.kind'), children: a.kindName }, { label: t('common.unit'), children: a.unitName },
            { label: t('activities.organiser'), children: a.organiser }, { label: t('activities.place'), children: a.place },
            { label: t('activities.coOrganisers'), children: a.coOrganisers.map((c) => `${c.name} (${t(`activities.coKinds.${c.kind}`)})`).join('; ') },
            { label: t('activities.enterprise'), children: a.enterpriseName },
            { label: t('activities.participantUnits'), children: a.participantUnits?.map((u) => u.name).join('; ') },
            { label: t('activities.attendanceMode'), children: t(`activities.modes.${a.attendanceMode}`) },
            ...(a.attendanceMode === 'counts' ? [{ label: t('activities.counts'), children: t('activities.countsLine', { total: fmtNumber(a.countTotal), female: fmtNumber(a.countFemale), members: fmtNumber(a.countMembers) }) }] : []),
            { label: t('activities.description'), children: a.description, span: 2 }, { label: t('activities.result'), children: a.result, span: 2 },
          ]} />
        ) },
        ...(a.attendanceMode === 'members' ? [{ key: 'attendance', label: t('activities.attendance'), children: <AttendancePanel activity={a} onChanged={reload} /> }] : []),
        ...(a.recordForm ? [{ key: 'meeting', label: t(a.recordForm === 'conference' ? 'activities.conferenceRecord' : 'activities.dialogueRecord'), children: <MeetingPanel activity={a} /> }] : []),
        { key: 'docs', label: t('activities.documents'), children: <DocumentsPanel ownerType="activity" ownerId={a.id} canWrite={Boolean(a.canWrite) && a.status !== 'cancelled'} /> },
        { key: 'history', label: t('common.history'), children: <AuditTrail entity="activity" entityId={String(a.id)} /> },
      ]} />
      <ActivityFormDrawer open={editing} activity={a} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void reload(); }} />
      <Modal open={cancelling} title={t('activities.cancel')} onCancel={() => setCancelling(false)} onOk={cancel} okButtonProps={{ danger: true, disabled: reason.trim().length < 3 }} okText={t('common.confirm')}>
        <Typography.Paragraph type="secondary">{t('activities.cancelHint')}</Typography.Paragraph>
        <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('activities.cancelReason')} placeholder={t('activities.cancelReason')} />
      </Modal>
    </Card>
  );
}
