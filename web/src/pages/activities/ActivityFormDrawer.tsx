import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Segmented, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { activityInputSchema, CO_ORGANISER_KINDS } from '@cds/shared';
import { api } from '../../api/client';
import { applyApiError, zodRule } from '../../components/forms';
import { DATE_FORMAT, fromIso, toIso } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import { useUnitScope } from '../../scope/UnitScope';
import { EnterprisePicker, UnitsPicker } from './EnterprisePicker';
import { useKinds, type Activity } from './api';

/** Records a held activity or plans one; edits an existing one (with its version). */
export function ActivityFormDrawer(props: { open: boolean; onClose(): void; onSaved(a: Activity): void; activity?: Activity }) {
  const { t } = useTranslation();
  const { unitId, unit } = useUnitScope();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const a = props.activity;
  const formUnit = Form.useWatch('unitId', form) ?? a?.unitId ?? unitId;
  const mode = Form.useWatch('attendanceMode', form) ?? 'members';
  const { data: kinds = [] } = useKinds(formUnit ?? null);
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (a) form.setFieldsValue({ ...a, startsOn: fromIso(a.startsOn), endsOn: fromIso(a.endsOn), participantUnitIds: a.participantUnits?.map((u) => u.id) ?? [] });
  }, [props.open, a, form]);
  const submit = async (v: any) => {
    setError(null);
    const body = { ...v, startsOn: toIso(v.startsOn), endsOn: toIso(v.endsOn), coOrganisers: v.coOrganisers ?? [] };
    try {
      const saved = a
        ? await api.patch<Activity>(`/api/activities/${a.id}`, { ...body, unitId: undefined, version: a.version })
        : await api.post<Activity>('/api/activities', body);
      await client.invalidateQueries({ queryKey: ['activities'] });
      await client.invalidateQueries({ queryKey: ['activity'] });
      props.onSaved(saved);
    } catch (err) { setError(applyApiError(form, err)); }
  };
  return (
    <Drawer open={props.open} onClose={props.onClose} title={a ? t('activities.edit') : t('activities.create')} size={600} destroyOnHidden
      footer={<Button type="primary" onClick={() => form.submit()}>{t('common.save')}</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}
        initialValues={{ unitId, status: 'held', attendanceMode: 'members', startsOn: dayjs(), coOrganisers: [], participantUnitIds: [] }}>
        {!a && (
          <Form.Item name="unitId" label={t('activities.organisingUnit')} rules={[{ required: true, message: t('activities.organisingUnit') }]}>
            <UnitPicker initialLabel={unit?.name} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="kindId" label={t('activities.kind')} rules={[{ required: true, message: t('activities.chooseKind') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={kinds.map((k) => ({ value: k.id, label: k.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('activities.topic')} rules={[zodRule(activityInputSchema, 'title')]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Segmented options={[{ value: 'held', label: t('activities.statuses.held') }, { value: 'planned', label: t('activities.statuses.planned') }]} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="startsOn" label={t('activities.startsOn')} rules={[{ required: true, message: t('activities.startsOn') }]} style={{ width: '50%' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endsOn" label={t('activities.endsOn')} style={{ width: '50%' }}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        </Space.Compact>
        <Form.Item name="organiser" label={t('activities.organiser')}><Input placeholder={t('activities.organiserHint')} /></Form.Item>
        <Form.Item name="place" label={t('activities.place')}><Input /></Form.Item>
        <Form.Item label={t('activities.coOrganisers')}>
          <Form.List name="coOrganisers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space.Compact key={f.key} block style={{ marginBottom: 8 }}>
                    <Form.Item name={[f.name, 'kind']} noStyle initialValue="state_body">
                      <Select style={{ width: 160 }} options={CO_ORGANISER_KINDS.map((k) => ({ value: k, label: t(`activities.coKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: t('activities.coName') }]}><Input placeholder={t('activities.coName')} /></Form.Item>
                    <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Space.Compact>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'state_body' })}>{t('activities.addCoOrganiser')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('activities.enterprise')}><EnterprisePicker initialLabel={a?.enterpriseName} /></Form.Item>
        <Form.Item name="participantUnitIds" label={t('activities.participantUnits')} tooltip={t('activities.participantUnitsHint')}>
          <UnitsPicker under={formUnit ?? undefined} initial={a?.participantUnits} />
        </Form.Item>
        <Form.Item name="attendanceMode" label={t('activities.attendanceMode')}>
          <Segmented options={[{ value: 'members', label: t('activities.modes.members') }, { value: 'counts', label: t('activities.modes.counts') }]} />
        </Form.Item>
        {mode === 'counts' && (
          <Space wrap>
            <Form.Item name="countTotal" label={t('activities.countTotal')}><InputNumber min={0} /></Form.Item>
            <Form.Item name="countFemale" label={t('activities.countFemale')}><InputNumber min={0} /></Form.Item>
            <Form.Item name="countMembers" label={t('activities.countMembers')}><InputNumber min={0} /></Form.Item>
          </Space>
        )}
        <Form.Item name="description" label={t('activities.description')}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="result" label={t('activities.result')}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Drawer>
  );
}
