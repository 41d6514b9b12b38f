import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MEETING_PARTS } from '@cds/shared';
import { api, errorText } from '../../api/client';
import { applyApiError } from '../../components/forms';
import { DATE_FORMAT, fmtDate, fromIso, toIso } from '../../components/format';
import type { Activity } from './api';

function People({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (<>
          {fields.map((f) => (
            <Space.Compact key={f.key} block style={{ marginBottom: 6 }}>
              <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: t('activities.mt.personName') }]}><Input placeholder={t('activities.mt.personName')} /></Form.Item>
              <Form.Item name={[f.name, 'position']} noStyle><Input placeholder={t('activities.mt.position')} /></Form.Item>
              <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
            </Space.Compact>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>{t('common.add')}</Button>
        </>)}
      </Form.List>
    </Form.Item>
  );
}

function Items({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (<>
          {fields.map((f) => (
            <Space.Compact key={f.key} block style={{ marginBottom: 6 }}>
              <Form.Item name={[f.name, 'content']} noStyle rules={[{ required: true, message: label }]}><Input.TextArea autoSize placeholder={label} /></Form.Item>
              <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
            </Space.Compact>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>{t('common.add')}</Button>
        </>)}
      </Form.List>
    </Form.Item>
  );
}

/** The record the law asks of a dialogue or a workers' conference, and the follow-ups with owners and due dates. */
export function MeetingPanel({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [fform] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const key = ['meeting', activity.id];
  const { data } = useQuery({ queryKey: key, queryFn: () => api.get<{ record: any; followups: any[] }>(`/api/activities/${activity.id}/meeting`) });
  const conference = activity.recordForm === 'conference';
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue(data.record ? { ...data.record, resolutionOn: fromIso(data.record.resolutionOn) }
      : { periodYear: Number(activity.startsOn.slice(0, 4)), periodPart: 'year', employerParticipants: [], workerParticipants: [], issues: [], agreements: [], resolutions: [] });
  }, [data, form, activity.startsOn]);
  const save = async (v: any) => {
    setError(null);
    try {
      await api.put(`/api/activities/${activity.id}/meeting`, { ...v, resolutionOn: toIso(v.resolutionOn), version: data?.record?.version ?? null });
      message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: key });
    } catch (err) { setError(applyApiError(form, err)); }
  };
  const addFollowup = async (v: any) => {
    try { await api.post(`/api/activities/${activity.id}/followups`, { ...v, dueOn: toIso(v.dueOn) }); fform.resetFields(); await client.invalidateQueries({ queryKey: key }); }
    catch (err) { applyApiError(fform, err); }
  };
  const done = async (f: any) => {
    try { await api.patch(`/api/meeting-followups/${f.id}`, { status: 'done', doneOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }), version: f.version }); await client.invalidateQueries({ queryKey: key }); }
    catch (err) { message.error(errorText(err)); }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" onFinish={save} disabled={!activity.canWrite}>
        <Space wrap>
          <Form.Item name="periodYear" label={t('activities.mt.periodYear')}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="periodPart" label={t('activities.mt.periodPart')}>
            <Select style={{ width: 180 }} options={MEETING_PARTS.map((p) => ({ value: p, label: t(`activities.mt.parts.${p}`) }))} />
          </Form.Item>
        </Space>
        <People name="employerParticipants" label={t(conference ? 'activities.mt.leaders' : 'activities.mt.employerSide')} />
        <People name="workerParticipants" label={t(conference ? 'activities.mt.workerDelegates' : 'activities.mt.workerSide')} />
        <Form.Item label={t('activities.mt.issues')}>
          <Form.List name="issues">
            {(fields, { add, remove }) => (<>
              {fields.map((f) => (
                <Space.Compact key={f.key} block style={{ marginBottom: 6 }}>
                  <Form.Item name={[f.name, 'raisedBy']} noStyle initialValue="workers">
                    <Select style={{ width: 150 }} options={['workers', 'union', 'employer'].map((r) => ({ value: r, label: t(`activities.mt.raisedBy.${r}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'topic']} noStyle rules={[{ required: true, message: t('activities.mt.topic') }]}><Input placeholder={t('activities.mt.topic')} /></Form.Item>
                  <Form.Item name={[f.name, 'content']} noStyle><Input placeholder={t('activities.mt.content')} /></Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Space.Compact>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ raisedBy: 'workers' })}>{t('common.add')}</Button>
            </>)}
          </Form.List>
        </Form.Item>
        <Items name="agreements" label={t('activities.mt.agreements')} />
        <Form.Item name="unresolved" label={t('activities.mt.unresolved')}><Input.TextArea rows={2} /></Form.Item>
        {conference && (<>
          <Space wrap>
            <Form.Item name="resolutionNo" label={t('activities.mt.resolutionNo')}><Input placeholder="01/NQ-HNNLĐ" /></Form.Item>
            <Form.Item name="resolutionOn" label={t('activities.mt.resolutionOn')}><DatePicker format={DATE_FORMAT} /></Form.Item>
          </Space>
          <Items name="resolutions" label={t('activities.mt.resolutions')} />
        </>)}
        {activity.canWrite && <Button type="primary" htmlType="submit">{t('common.save')}</Button>}
      </Form>
      <div>
        <Typography.Title level={5}>{t('activities.mt.followups')}</Typography.Title>
        <Table size="small" rowKey="id" pagination={false} dataSource={data?.followups ?? []} scroll={{ x: 560 }} locale={{ emptyText: t('activities.mt.noFollowups') }}
          columns={[
            { title: t('activities.mt.task'), dataIndex: 'content' },
            { title: t('activities.mt.owner'), dataIndex: 'owner' },
            { title: t('activities.mt.dueOn'), dataIndex: 'dueOn', render: (d: string, f: any) => <span style={{ color: f.overdue ? '#cf1322' : undefined }}>{fmtDate(d)}</span> },
            { title: t('common.status'), dataIndex: 'status', render: (s: string, f: any) => s === 'open' && activity.canWrite
              ? <Button size="small" onClick={() => done(f)}>{t('activities.mt.markDone')}</Button>
              : <Tag color={s === 'done' ? 'green' : 'default'}>{t(`activities.mt.fstatus.${s}`)}{f.doneOn ? ` ${fmtDate(f.doneOn)}` : ''}</Tag> },
          ]} />
        {activity.canWrite && (
          <Form form={fform} layout="inline" onFinish={addFollowup} style={{ marginTop: 8, rowGap: 8 }}>
            <Form.Item name="content" rules={[{ required: true, message: t('activities.mt.task') }]}><Input placeholder={t('activities.mt.task')} /></Form.Item>
            <Form.Item name="owner" rules={[{ required: true, message: t('activities.mt.owner') }]}><Input placeholder={t('activities.mt.owner')} /></Form.Item>
            <Form.Item name="dueOn" rules={[{ required: true, message: t('activities.mt.dueOn') }]}><DatePicker format={DATE_FORMAT} placeholder={t('activities.mt.dueOn')} /></Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />}>{t('activities.mt.addFollowup')}</Button>
          </Form>
        )}
      </div>
    </Space>
  );
}
