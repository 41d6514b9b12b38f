import { useState } from 'react';
import { Card, DatePicker, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUnitScope } from '../../scope/UnitScope';
import { DATE_FORMAT, toIso } from '../../components/format';
import { AuditTrail } from './AuditTrail';

/** Every write in the chosen unit's subtree, filterable by record kind, action and dates. */
export function AuditPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const [entity, setEntity] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  return (
    <>
      <Typography.Title level={3} className="cds-page-title">{t('audit.title')}</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('audit.entity')} onSearch={(v) => setEntity(v || undefined)} style={{ width: 200 }} />
          <DatePicker.RangePicker format={DATE_FORMAT} value={range} onChange={(v) => setRange(v as never)} placeholder={[t('common.from'), t('common.to')]} />
        </Space>
        <AuditTrail unitId={unitId ?? undefined} entity={entity} from={toIso(range?.[0]) ?? undefined} to={toIso(range?.[1]) ?? undefined} />
      </Card>
    </>
  );
}
