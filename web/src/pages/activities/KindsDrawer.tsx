import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_CATEGORIES } from '@cds/shared';
import { api, qs } from '../../api/client';
import { applyApiError } from '../../components/forms';
import { useUnitScope } from '../../scope/UnitScope';
import { CATEGORY_COLORS, type Kind } from './api';

/** The kind list is data: the common kinds, and those the chosen federation adds for its subtree. */
export function KindsDrawer(props: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { data = [] } = useQuery({ queryKey: ['activity-kinds-all', unitId], queryFn: () => api.get<(Kind & { unitName: string | null })[]>(`/api/activity-kinds${qs({ unitId, all: 'true' })}`), enabled: props.open });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['activity-kinds-all'] }), client.invalidateQueries({ queryKey: ['activity-kinds'] })]);
  const add = async (v: any) => {
    setError(null);
    try { await api.post('/api/activity-kinds', { ...v, unitId }); form.resetFields(); await refresh(); } catch (err) { setError(applyApiError(form, err)); }
  };
  return (
    <Drawer open={props.open} onClose={props.onClose} title={t('activities.kinds')} size={720} destroyOnHidden>
      <Table size="small" rowKey="id" pagination={false} dataSource={data} scroll={{ x: 600 }} columns={[
        { title: t('activities.kind'), dataIndex: 'name' },
        { title: t('activities.category'), dataIndex: 'category', render: (c: string) => <Tag color={CATEGORY_COLORS[c]}>{t(`activities.categories.${c}`)}</Tag> },
        { title: t('activities.kindOwner'), dataIndex: 'unitName', render: (n: string | null) => n ?? t('activities.commonKind') },
        { title: t('activities.kindActive'), dataIndex: 'active', render: (v: boolean, k) => k.unitId === null ? (v ? '✓' : '') : (
          <Switch size="small" checked={v} onChange={async (active) => { await api.patch(`/api/activity-kinds/${k.id}`, { active, version: k.version }); await refresh(); }} />) },
      ]} />
      <Form form={form} layout="vertical" onFinish={add} style={{ marginTop: 16 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="name" label={t('activities.newKind')} rules={[{ required: true, message: t('activities.newKind') }]}><Input /></Form.Item>
        <Form.Item name="category" label={t('activities.category')} rules={[{ required: true, message: t('activities.category') }]} extra={t('activities.categoryHint')}>
          <Select options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`activities.categories.${c}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('common.add')}</Button>
      </Form>
    </Drawer>
  );
}
