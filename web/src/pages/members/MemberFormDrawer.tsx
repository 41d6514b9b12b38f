import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  admissionSchema, memberPatchSchema, EDUCATION_LEVELS, ETHNICITIES, QUALIFICATIONS, RELIGIONS, VOCATIONAL_LEVELS,
} from '@cds/shared';
import { api, ApiError, qs } from '../../api/client';
import { applyApiError, zodRule } from '../../components/forms';
import { DATE_FORMAT, fromIso, toIso } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import type { MemberDetail } from './types';

const options = (xs: readonly string[]) => xs.map((value) => ({ value }));

/**
 * The member form (lý lịch đoàn viên) in a drawer: kết nạp (or receiving a member from outside the
 * system) when `member` is absent, editing otherwise. The same zod schema as the API checks each
 * field; a record changed by someone else meanwhile answers 409 and the drawer offers to reload.
 */
export function MemberFormDrawer(props: {
  open: boolean; member?: MemberDetail; defaultUnit?: { id: number; name: string }; onClose(): void; onSaved(m: MemberDetail): void; onReload?(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const editing = Boolean(props.member);
  const m = props.member;
  const unitId = Form.useWatch('unitId', form) ?? m?.unitId;
  const arrival = Form.useWatch('arrival', form);
  const party = Form.useWatch('partyMember', form);
  const sensitive = !m || m.sensitiveVisible;
  const { data: groups = [] } = useQuery({
    queryKey: ['unit-groups', unitId],
    queryFn: () => api.get<{ id: number; name: string; kind: string }[]>(`/api/units/${unitId}/children${qs({})}`),
    enabled: Boolean(unitId),
  });

  useEffect(() => {
    if (!props.open) return;
    setError(null);
    setConflict(false);
    form.resetFields();
    if (m) {
      form.setFieldsValue({
        fullName: m.fullName, sex: m.sex, birthDate: fromIso(m.birthDate), citizenId: m.citizenId, ethnicity: m.ethnicity, religion: m.religion,
        education: m.education, qualification: m.qualification, vocationalLevel: m.vocationalLevel, job: m.job, partyMember: m.partyMember,
        partyJoinedOn: fromIso(m.partyJoinedOn), phone: m.phone, address: m.address, groupId: m.groupId, joinedOn: fromIso(m.joinedOn),
      });
    } else {
      form.setFieldsValue({ unitId: props.defaultUnit?.id, partyMember: false, arrival: 'admission', ethnicity: 'Kinh', religion: 'Không' });
    }
  }, [props.open, m, form, props.defaultUnit]);

  const submit = async (v: Record<string, any>) => {
    setError(null);
    setSaving(true);
    const dates = { birthDate: toIso(v.birthDate), joinedOn: toIso(v.joinedOn), partyJoinedOn: v.partyMember ? toIso(v.partyJoinedOn) : null, arrivedOn: toIso(v.arrivedOn) };
    try {
      let saved: MemberDetail;
      if (m) {
        const { unitId: _u, arrival: _a, originName: _o, arrivedOn: _d, decisionNo: _n, ...fields }: Record<string, unknown> = { ...v, ...dates };
        const body: Record<string, unknown> = { ...fields, groupId: v.groupId ?? null, version: m.version };
        if (!m.sensitiveVisible) for (const k of ['citizenId', 'ethnicity', 'religion', 'partyMember', 'partyJoinedOn']) delete body[k];
        // A year-only birth date stays year-only unless the date was changed.
        if (m.birthPrecision === 'year' && body.birthDate === m.birthDate) delete body.birthDate;
        saved = await api.patch<MemberDetail>(`/api/members/${m.id}`, body);
      } else {
        saved = await api.post<MemberDetail>('/api/members', { ...v, ...dates, groupId: v.groupId ?? null });
      }
      props.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else setError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };

  const schema = editing ? memberPatchSchema : admissionSchema;
  const rule = (field: string) => zodRule(schema as never, field as never);
  return (
    <Drawer open={props.open} onClose={props.onClose} title={editing ? t('members.editTitle', { name: m?.fullName }) : t('members.admit')} size={620} destroyOnHidden
      footer={<Space><Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.save')}</Button><Button onClick={props.onClose}>{t('common.cancel')}</Button></Space>}>
      {conflict && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('errors.conflict')}
          action={<Button size="small" onClick={() => { setConflict(false); props.onReload?.(); }}>{t('members.reload')}</Button>} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        {!editing && (
          <>
            <Form.Item name="arrival" label={t('members.arrivalKind')}>
              <Radio.Group optionType="button" options={[{ value: 'admission', label: t('members.arrivals.admission') }, { value: 'transfer_in', label: t('members.arrivals.transfer_in') }]} />
            </Form.Item>
            <Form.Item name="unitId" label={t('members.grassroots')} rules={[{ required: true, message: t('members.chooseGrassroots') }]}>
              <UnitPicker kind="grassroots" initialLabel={props.defaultUnit?.name} style={{ width: '100%' }} aria-label={t('members.grassroots')} />
            </Form.Item>
          </>
        )}
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="fullName" label={t('members.fullName')} rules={[{ required: true, message: t('members.needName') }, rule('fullName')]}><Input autoComplete="off" /></Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item name="sex" label={t('members.sex')} rules={[{ required: true, message: t('members.needSex') }]}>
              <Radio.Group options={['male', 'female'].map((s) => ({ value: s, label: t(`members.sexes.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="birthDate" label={t('members.birthDate')} extra={m?.birthPrecision === 'year' ? t('members.yearOnly') : undefined}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            {sensitive
              ? <Form.Item name="citizenId" label={t('members.citizenId')} rules={[rule('citizenId')]}><Input inputMode="numeric" autoComplete="off" /></Form.Item>
              : <Form.Item label={t('members.citizenId')}><Input value={m?.citizenId ?? ''} disabled /></Form.Item>}
          </Col>
          {sensitive && (
            <>
              <Col xs={12} md={8}><Form.Item name="ethnicity" label={t('members.ethnicity')}><AutoComplete options={options(ETHNICITIES)} filterOption /></Form.Item></Col>
              <Col xs={12} md={8}><Form.Item name="religion" label={t('members.religion')}><AutoComplete options={options(RELIGIONS)} filterOption /></Form.Item></Col>
              <Col xs={12} md={8}>
                <Form.Item name="partyMember" label={t('members.partyMember')} valuePropName="checked"><Switch /></Form.Item>
              </Col>
              {party && <Col xs={12} md={8}><Form.Item name="partyJoinedOn" label={t('members.partyJoinedOn')}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>}
            </>
          )}
          <Col xs={12} md={8}><Form.Item name="education" label={t('members.education')}><AutoComplete options={options(EDUCATION_LEVELS)} filterOption /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item name="qualification" label={t('members.qualification')}><AutoComplete options={options(QUALIFICATIONS)} filterOption /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item name="vocationalLevel" label={t('members.vocationalLevel')}><AutoComplete options={options(VOCATIONAL_LEVELS)} filterOption /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="job" label={t('members.job')}><Input /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="phone" label={t('members.phone')} rules={[rule('phone')]}><Input inputMode="tel" /></Form.Item></Col>
          <Col xs={24}><Form.Item name="address" label={t('members.address')}><Input /></Form.Item></Col>
          <Col xs={24} md={12}>
            <Form.Item name="groupId" label={t('members.group')}>
              <Select allowClear placeholder={t('members.noGroup')} options={groups.filter((g) => g.kind === 'union_group').map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="joinedOn" label={t('members.joinedOn')} rules={[{ required: true, message: t('members.needJoinedOn') }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!editing && arrival !== 'transfer_in' && (
            <Col xs={24} md={12}><Form.Item name="decisionNo" label={t('members.decisionNo')}><Input placeholder="12/QĐ-CĐCS" /></Form.Item></Col>
          )}
          {!editing && arrival === 'transfer_in' && (
            <>
              <Col xs={24} md={12}><Form.Item name="originName" label={t('members.originName')} rules={[{ required: true, message: t('members.needOrigin') }]}><Input /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="arrivedOn" label={t('members.arrivedOn')} rules={[{ required: true, message: t('members.needArrivedOn') }]}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="decisionNo" label={t('members.decisionNo')}><Input /></Form.Item></Col>
            </>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
