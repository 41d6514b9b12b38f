import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Tabs } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_LEVELS, CLAUSE_TOPICS, CLAUSE_UNITS, DISPUTE_CAUSES, DISPUTE_KINDS, DISPUTE_OUTCOMES, LEGAL_CHANNELS, LEGAL_KINDS, LEGAL_TOPICS,
  QUALITY_GRADES, RESOLUTION_METHODS, UNION_ROLES,
} from '@cds/shared';
import { api, qs } from '../../api/client';
import { applyApiError } from '../../components/forms';
import { DATE_FORMAT, fromIso, toIso } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import { useUnitScope } from '../../scope/UnitScope';
import { AuditTrail } from '../admin/AuditTrail';
import { DocumentsPanel } from '../activities/DocumentsPanel';
import { EnterprisePicker } from '../activities/EnterprisePicker';

const DATES: Record<string, string[]> = {
  agreement: ['signedOn', 'effectiveOn', 'expiresOn', 'registeredOn'], dispute: ['startedOn', 'endedOn'], legal_case: ['openedOn', 'closedOn'],
};

/**
 * One drawer per record kind: the form (new or edit with its version), then files and history.
 * `id` is 'new', a record id, or null (closed).
 */
function RecordDrawer(props: {
  id: number | 'new' | null; onClose(): void; type: 'agreement' | 'dispute' | 'legal_case'; url: string; listKey: string; title: string;
  fields: (record: any) => React.ReactNode; initial: Record<string, unknown>; entity: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const isNew = props.id === 'new';
  const { data: record } = useQuery({ queryKey: [props.type, props.id], queryFn: () => api.get<any>(`${props.url}/${props.id}`), enabled: typeof props.id === 'number' });
  useEffect(() => {
    setError(null);
    form.resetFields();
    if (record && !isNew) form.setFieldsValue({ ...record, ...Object.fromEntries(DATES[props.type].map((d) => [d, fromIso(record[d])])) });
  }, [record, isNew, form, props.type, props.id]);
  const canWrite = isNew || (record?.canWrite ?? false);
  const submit = async (v: any) => {
    setError(null);
    const body = { ...v, ...Object.fromEntries(DATES[props.type].filter((d) => d in v).map((d) => [d, toIso(v[d])])) };
    try {
      if (isNew) await api.post(props.url, body);
      else await api.patch(`${props.url}/${props.id}`, { ...body, unitId: undefined, enterpriseId: props.type === 'dispute' ? undefined : body.enterpriseId, version: record.version });
      await client.invalidateQueries({ queryKey: [props.listKey] });
      await client.invalidateQueries({ queryKey: [props.type] });
      props.onClose();
    } catch (err) { setError(applyApiError(form, err)); }
  };
  const formView = (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={props.initial} disabled={!canWrite}>
        {props.fields(record)}
      </Form>
    </>
  );
  return (
    <Drawer open={props.id !== null} onClose={props.onClose} size={640} destroyOnHidden title={isNew ? props.title : record?.title ?? record?.enterpriseName ?? props.title}
      footer={canWrite ? <Button type="primary" onClick={() => form.submit()}>{t('common.save')}</Button> : null}>
      {isNew ? formView : (
        <Tabs items={[
          { key: 'info', label: t('common.info'), children: formView },
          ...(record && record.confidentialVisible !== false ? [{ key: 'docs', label: t('activities.documents'), children: <DocumentsPanel ownerType={props.type} ownerId={record.id} canWrite={Boolean(record.canWrite)} /> }] : []),
          { key: 'history', label: t('common.history'), children: typeof props.id === 'number' ? <AuditTrail entity={props.entity} entityId={String(props.id)} /> : null },
        ]} />
      )}
    </Drawer>
  );
}

const options = (t: (k: string) => string, prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

export function AgreementDrawer({ id, onClose }: { id: number | 'new' | null; onClose(): void }) {
  const { t } = useTranslation();
  const { unitId, unit } = useUnitScope();
  return (
    <RecordDrawer id={id} onClose={onClose} type="agreement" entity="agreement" url="/api/agreements" listKey="agreements" title={t('labour.newAgreement')}
      initial={{ unitId, level: 'enterprise', clauses: [] }} fields={(r) => (<>
        {id === 'new' && <Form.Item name="unitId" label={t('labour.unionParty')} rules={[{ required: true }]}><UnitPicker initialLabel={unit?.name} style={{ width: '100%' }} /></Form.Item>}
        <Form.Item name="level" label={t('labour.level')}><Select options={options(t, 'labour.levels', AGREEMENT_LEVELS)} /></Form.Item>
        <Form.Item name="enterpriseId" label={t('labour.enterprise')}><EnterprisePicker initialLabel={r?.enterpriseName} /></Form.Item>
        <Form.Item name="title" label={t('labour.agreement')} rules={[{ required: true, message: t('labour.agreement') }]}><Input /></Form.Item>
        <Form.Item name="number" label={t('labour.number')}><Input placeholder="01/2026/TƯLĐTT" /></Form.Item>
        <Space wrap>
          <Form.Item name="signedOn" label={t('labour.signedOn')} rules={[{ required: true, message: t('labour.signedOn') }]}><DatePicker format={DATE_FORMAT} /></Form.Item>
          <Form.Item name="effectiveOn" label={t('labour.effectiveOn')}><DatePicker format={DATE_FORMAT} /></Form.Item>
          <Form.Item name="expiresOn" label={t('labour.expiresOn')} rules={[{ required: true, message: t('labour.expiresOn') }]}><DatePicker format={DATE_FORMAT} /></Form.Item>
        </Space>
        <Form.Item name="employerParty" label={t('labour.employerParty')} rules={[{ required: true, message: t('labour.employerParty') }]}><Input /></Form.Item>
        <Form.Item name="unionParty" label={t('labour.unionSigner')} rules={[{ required: true, message: t('labour.unionSigner') }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="workersCovered" label={t('labour.workersCovered')}><InputNumber min={0} /></Form.Item>
          <Form.Item name="membersCovered" label={t('labour.membersCovered')}><InputNumber min={0} /></Form.Item>
          <Form.Item name="qualityGrade" label={t('labour.grade')}><Select allowClear style={{ width: 90 }} options={QUALITY_GRADES.map((g) => ({ value: g, label: g }))} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="registeredOn" label={t('labour.registeredOn')}><DatePicker format={DATE_FORMAT} /></Form.Item>
          <Form.Item name="registrationAuthority" label={t('labour.authority')}><Input /></Form.Item>
        </Space>
        <Form.Item label={t('labour.clauses')}>
          <Form.List name="clauses">
            {(fields, { add, remove }) => (<>
              {fields.map((f) => (
                <Space.Compact key={f.key} block style={{ marginBottom: 6, flexWrap: 'wrap' }}>
                  <Form.Item name={[f.name, 'topic']} noStyle initialValue="meals"><Select style={{ width: 150 }} options={options(t, 'labour.topics', CLAUSE_TOPICS)} /></Form.Item>
                  <Form.Item name={[f.name, 'title']} noStyle rules={[{ required: true, message: t('labour.clause') }]}><Input style={{ width: 180 }} placeholder={t('labour.clause')} /></Form.Item>
                  <Form.Item name={[f.name, 'value']} noStyle><InputNumber placeholder={t('labour.value')} style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'valueUnit']} noStyle><Select allowClear style={{ width: 120 }} placeholder={t('labour.unit')} options={options(t, 'labour.units', CLAUSE_UNITS)} /></Form.Item>
                  <Form.Item name={[f.name, 'legalValue']} noStyle><InputNumber placeholder={t('labour.legalValue')} style={{ width: 110 }} /></Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Space.Compact>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ topic: 'meals' })}>{t('labour.addClause')}</Button>
            </>)}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}><Input.TextArea rows={2} /></Form.Item>
      </>)} />
  );
}

export function DisputeDrawer({ id, onClose }: { id: number | 'new' | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <RecordDrawer id={id} onClose={onClose} type="dispute" entity="dispute" url="/api/disputes" listKey="disputes" title={t('labour.newDispute')}
      initial={{ kind: 'work_stoppage', outcome: 'pending', causes: [] }} fields={(r) => (<>
        <Form.Item name="enterpriseId" label={t('labour.enterprise')} rules={[{ required: true, message: t('labour.enterpriseRequired') }]}>
          {id === 'new' ? <EnterprisePicker /> : <Input value={r?.enterpriseName} disabled />}
        </Form.Item>
        <Form.Item name="kind" label={t('labour.kind')}><Select options={options(t, 'labour.disputeKinds', DISPUTE_KINDS)} /></Form.Item>
        <Space wrap>
          <Form.Item name="startedOn" label={t('labour.startedOn')} rules={[{ required: true, message: t('labour.startedOn') }]}><DatePicker format={DATE_FORMAT} /></Form.Item>
          <Form.Item name="endedOn" label={t('labour.endedOn')}><DatePicker format={DATE_FORMAT} /></Form.Item>
          <Form.Item name="workersInvolved" label={t('labour.workersInvolved')}><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="causes" label={t('labour.causes')}><Checkbox.Group options={options(t, 'labour.causeList', DISPUTE_CAUSES)} /></Form.Item>
        <Form.Item name="causeNote" label={t('labour.causeNote')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="demands" label={t('labour.demands')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="unionRole" label={t('labour.unionRole')}><Select allowClear options={options(t, 'labour.roles', UNION_ROLES)} /></Form.Item>
        <Form.Item name="unionRoleNote" label={t('labour.unionRoleNote')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="resolutionMethod" label={t('labour.resolutionMethod')}><Select allowClear options={options(t, 'labour.methods', RESOLUTION_METHODS)} /></Form.Item>
        <Form.Item name="resolution" label={t('labour.resolution')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="outcome" label={t('labour.outcome')}><Select options={options(t, 'labour.outcomes', DISPUTE_OUTCOMES)} /></Form.Item>
        <Form.Item name="outcomeNote" label={t('labour.outcomeNote')}><Input.TextArea rows={2} /></Form.Item>
      </>)} />
  );
}

export function LegalCaseDrawer({ id, onClose }: { id: number | 'new' | null; onClose(): void }) {
  const { t } = useTranslation();
  const { unitId, unit } = useUnitScope();
  const handlers = useQuery({ queryKey: ['legal-handlers', unitId], queryFn: () => api.get<{ id: number; fullName: string; unitName: string }[]>(`/api/legal-cases/handlers${qs({ unitId })}`), enabled: id !== null && unitId !== null, retry: false });
  return (
    <RecordDrawer id={id} onClose={onClose} type="legal_case" entity="legal_case" url="/api/legal-cases" listKey="legal-cases" title={t('labour.newCase')}
      initial={{ unitId, kind: 'advice', channel: 'in_person', topic: 'contract' }} fields={(r) => (<>
        {r && !r.confidentialVisible && <Alert type="info" showIcon title={t('labour.masked')} style={{ marginBottom: 12 }} />}
        {id === 'new' && <Form.Item name="unitId" label={t('labour.receivingUnit')} rules={[{ required: true }]}><UnitPicker initialLabel={unit?.name} style={{ width: '100%' }} /></Form.Item>}
        <Form.Item name="requesterName" label={t('labour.requester')} rules={[{ required: id === 'new', message: t('labour.requester') }]}><Input /></Form.Item>
        <Form.Item name="requesterPhone" label={t('members.phone')}><Input inputMode="tel" /></Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('labour.caseKind')}><Select style={{ width: 180 }} options={options(t, 'labour.legalKinds', LEGAL_KINDS)} /></Form.Item>
          <Form.Item name="channel" label={t('labour.channel')}><Select style={{ width: 180 }} options={options(t, 'labour.channels', LEGAL_CHANNELS)} /></Form.Item>
          <Form.Item name="topic" label={t('labour.topic')}><Select style={{ width: 220 }} options={options(t, 'labour.legalTopics', LEGAL_TOPICS)} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="openedOn" label={t('labour.openedOn')} rules={[{ required: true, message: t('labour.openedOn') }]}><DatePicker format={DATE_FORMAT} /></Form.Item>
          {id !== 'new' && <Form.Item name="status" label={t('common.status')}><Select style={{ width: 150 }} options={options(t, 'labour.caseStatus', ['open', 'closed'])} /></Form.Item>}
          {id !== 'new' && <Form.Item name="closedOn" label={t('labour.closedOn')}><DatePicker format={DATE_FORMAT} /></Form.Item>}
        </Space>
        <Form.Item name="handlerUserId" label={t('labour.handler')}>
          <Select allowClear placeholder={t('labour.handlerMe')} options={(handlers.data ?? []).map((h) => ({ value: h.id, label: `${h.fullName} · ${h.unitName}` }))} />
        </Form.Item>
        <Form.Item name="caseDetails" label={t('labour.details')}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="adviceGiven" label={t('labour.advice')}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="caseOutcome" label={t('labour.caseOutcome')}><Input.TextArea rows={2} /></Form.Item>
      </>)} />
  );
}
