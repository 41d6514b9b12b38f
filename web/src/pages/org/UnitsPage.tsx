import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Col, Empty, Input, List, Row, Space, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CHILD_KINDS, type UnitKind } from '@cds/shared';
import { api, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { useUnitScope, type Unit } from '../../scope/UnitScope';
import { UnitDetail } from './UnitDetail';
import { UnitFormDrawer } from './UnitFormDrawer';

interface TreeNode {
  key: number;
  title: React.ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
  unit: Unit;
}

function UnitTitle({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <span>
      {unit.name}{' '}
      {unit.kind !== 'grassroots' && unit.grassrootsCount > 0 && <Tag color="blue" title={t('units.grassrootsCount')}>{unit.grassrootsCount}</Tag>}
      {unit.dissolvedOn && <Tag color="default">{t('units.dissolved')}</Tag>}
    </span>
  );
}

const toNode = (u: Unit): TreeNode => ({ key: u.id, title: <UnitTitle unit={u} />, isLeaf: u.childCount === 0, unit: u });

function replaceChildren(nodes: TreeNode[], key: number, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => n.key === key ? { ...n, children, isLeaf: children.length === 0 }
    : n.children ? { ...n, children: replaceChildren(n.children, key, children) } : n);
}

/** The union tree of the chosen scope, loaded level by level so a national tree stays quick. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unit: scope, setUnitId } = useUnitScope();
  const client = useQueryClient();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [showDissolved, setShowDissolved] = useState(false);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (!scope) return;
    setTree([toNode(scope)]);
    setExpanded([]);
    setSelected(scope.id);
    if (scope.childCount > 0) loadChildren(scope.id).then(() => setExpanded([scope.id]));
  }, [scope?.id, showDissolved]);

  const loadChildren = async (id: number) => {
    const children = await api.get<Unit[]>(`/api/units/${id}/children${qs({ includeDissolved: showDissolved || undefined })}`);
    setTree((nodes) => replaceChildren(nodes, id, children.map(toNode)));
  };

  const { data: results } = useQuery({
    queryKey: ['unit-search', 'page', search, scope?.id, showDissolved],
    queryFn: () => api.get<Unit[]>(`/api/units/search${qs({ q: search, under: scope?.id, includeDissolved: showDissolved || undefined, limit: 50 })}`),
    enabled: search.trim().length > 0 && Boolean(scope),
  });

  const refresh = async (id?: number) => {
    await client.invalidateQueries({ queryKey: ['unit'] });
    await client.invalidateQueries({ queryKey: ['unit-detail'] });
    if (scope) {
      const fresh = await api.get<Unit>(`/api/units/${scope.id}`);
      setTree([toNode(fresh)]);
      setExpanded([]);
      await loadChildren(scope.id);
      setExpanded([scope.id]);
    }
    if (id) setSelected(id);
  };

  const canCreateUnder = scope && allows(me, 'unit.write', scope.path) && !scope.dissolvedOn && CHILD_KINDS[scope.kind as UnitKind]?.length > 0;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={3} className="cds-page-title">{t('units.title')}</Typography.Title>
        {canCreateUnder && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('units.create')}</Button>}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('units.tree')} extra={<Checkbox checked={showDissolved} onChange={(e) => setShowDissolved(e.target.checked)}>{t('units.showDissolved')}</Checkbox>}>
            <Input.Search allowClear placeholder={t('units.searchPlaceholder')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ marginBottom: 12 }} aria-label={t('common.search')} />
            {search.trim() ? (
              <List size="small" dataSource={results ?? []} locale={{ emptyText: t('common.noData') }} renderItem={(u) => (
                <List.Item style={{ cursor: 'pointer', background: u.id === selected ? '#e6f4ff' : undefined }} onClick={() => setSelected(u.id)}>
                  <List.Item.Meta title={<UnitTitle unit={u} />} description={`${t(`unitKinds.${u.kind}`)} · ${u.code}`} />
                </List.Item>
              )} />
            ) : tree.length ? (
              <Tree
                treeData={tree as any}
                loadData={async (node: any) => { if (!node.children) await loadChildren(node.key); }}
                expandedKeys={expanded}
                onExpand={setExpanded}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => keys[0] && setSelected(Number(keys[0]))}
                showLine
                blockNode
              />
            ) : <Empty />}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selected ? <UnitDetail id={selected} onChanged={refresh} onOpenScope={setUnitId} /> : <Card><Empty description={t('units.selectHint')} /></Card>}
        </Col>
      </Row>
      {scope && (
        <UnitFormDrawer open={creating} parent={scope} onClose={() => setCreating(false)}
          onSaved={async (u) => { setCreating(false); await refresh(u.id); }} />
      )}
    </>
  );
}
