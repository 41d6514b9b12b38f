import { useState } from 'react';
import { Button, Card, Descriptions, Dropdown, Empty, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CHILD_KINDS, type UnitKind } from '@cds/shared';
import { api } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { fmtDate, fmtNumber } from '../../components/format';
import { AuditTrail } from '../admin/AuditTrail';
import type { Unit } from '../../scope/UnitScope';
import { UnitActionModal, type UnitAction } from './UnitActions';
import { UnitFormDrawer } from './UnitFormDrawer';

interface UnitEvent { id: number; kind: string; onDate: string; oldName: string | null; newName: string | null; note: string | null; oldParent: string | null; newParent: string | null }

export function UnitDetail({ id, onChanged, onOpenScope }: { id: number; onChanged(id?: number): void; onOpenScope(id: number): void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<UnitAction | null>(null);
  const { data: unit } = useQuery({ queryKey: ['unit-detail', id], queryFn: () => api.get<Unit>(`/api/units/${id}`) });
  const { data: children = [] } = useQuery({ queryKey: ['unit-detail', id, 'children'], queryFn: () => api.get<Unit[]>(`/api/units/${id}/children`) });
  const { data: events = [] } = useQuery({ queryKey: ['unit-detail', id, 'history'], queryFn: () => api.get<UnitEvent[]>(`/api/units/${id}/history`) });
  if (!unit) return <Card loading />;

  const canWrite = allows(me, 'unit.write', unit.path) && !unit.dissolvedOn;
  const canAddChild = canWrite && CHILD_KINDS[unit.kind as UnitKind].length > 0;
  const done = (u?: Unit) => { setEditing(false); setAdding(false); setAction(null); onChanged(u?.id ?? id); };

  const eventText = (e: UnitEvent) => {
    const base = t(`units.events.${e.kind}`);
    if (e.kind === 'renamed') return `${base}: ${e.oldName} → ${e.newName}`;
    if (e.kind === 'moved') return `${base} ${e.oldParent ? `${t('units.eventFrom')} ${e.oldParent} ` : ''}${t('units.eventTo')} ${e.newParent}`;
    if (e.kind === 'merged') return `${base} → ${e.note}`;
    return e.note ? `${base}: ${e.note}` : base;
  };

  return (
    <Card
      title={<Space wrap><span>{unit.name}</span><Tag color="geekblue">{t(`unitKinds.${unit.kind}`)}</Tag>{unit.dissolvedOn && <Tag>{t('units.dissolved')} {fmtDate(unit.dissolvedOn)}</Tag>}</Space>}
      extra={canWrite && (
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          {canAddChild && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} aria-label={t('units.createUnder', { name: unit.name })} />}
          <Dropdown menu={{
            items: [
              { key: 'move', label: t('units.move') },
              { key: 'merge', label: t('units.merge') },
              { key: 'dissolve', label: t('units.dissolve'), danger: true },
            ],
            onClick: ({ key }) => setAction(key as UnitAction),
          }}><Button icon={<MoreOutlined />} aria-label={t('common.actions')} /></Dropdown>
        </Space>
      )}
    >
      <Tabs items={[
        {
          key: 'info', label: t('common.info'), children: (
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered items={[
              { label: t('units.code'), children: unit.code },
              { label: t('units.shortName'), children: unit.shortName },
              { label: t('units.kind'), children: t(`unitKinds.${unit.kind}`) },
              ...(unit.grassrootsKind ? [{ label: t('units.grassrootsKind'), children: t(`grassrootsKinds.${unit.grassrootsKind}`) }] : []),
              { label: t('units.sector'), children: unit.sector ? t(`sectors.${unit.sector}`) : '' },
              { label: t('units.ward'), children: unit.ward },
              { label: t('units.industrialZone'), children: unit.industrialZone },
              { label: t('units.address'), children: unit.address },
              { label: t('units.phone'), children: unit.phone },
              { label: t('units.foundedOn'), children: fmtDate(unit.foundedOn) },
              { label: t('units.childCount'), children: fmtNumber(unit.childCount) },
              { label: t('units.grassrootsCount'), children: fmtNumber(unit.grassrootsCount) },
              ...(unit.dissolvedOn ? [{ label: t('units.dissolutionReason'), children: unit.dissolutionReason }] : []),
            ]} />
          ),
        },
        {
          key: 'children', label: `${t('units.children')} (${children.length})`, children: children.length ? (
            <Table rowKey="id" size="small" dataSource={children} pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 560 }}
              columns={[
                { title: t('units.name'), dataIndex: 'name', render: (v, u) => <a onClick={() => onChanged(u.id)}>{v}</a> },
                { title: t('units.kind'), dataIndex: 'kind', render: (k) => t(`unitKinds.${k}`) },
                { title: t('units.sector'), dataIndex: 'sector', render: (s) => (s ? t(`sectors.${s}`) : '') },
                { title: t('units.grassrootsCount'), dataIndex: 'grassrootsCount', align: 'right', render: fmtNumber },
                { title: '', key: 'open', render: (_, u) => u.kind !== 'union_group' && <a onClick={() => onOpenScope(u.id)}>{t('layout.scope')} →</a> },
              ]} />
          ) : <Empty description={t('units.empty')} />,
        },
        {
          key: 'history', label: t('common.history'), children: (
            <>
              {events.length ? (
                <Timeline items={events.map((e) => ({ key: e.id, children: <><Typography.Text strong>{fmtDate(e.onDate)}</Typography.Text> — {eventText(e)}</> }))} />
              ) : <Empty />}
              <AuditTrail entity="unit" entityId={String(unit.id)} />
            </>
          ),
        },
      ]} />
      <UnitFormDrawer open={editing} unit={unit} onClose={() => setEditing(false)} onSaved={done} />
      <UnitFormDrawer open={adding} parent={unit} onClose={() => setAdding(false)} onSaved={done} />
      <UnitActionModal action={action} unit={unit} onClose={() => setAction(null)} onDone={done} />
    </Card>
  );
}
