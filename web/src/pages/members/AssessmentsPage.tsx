import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, InputNumber, Select, Space, Statistic, Table, Row, Col } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RATINGS, type Rating } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { PageHeader } from '../../components/ListParts';
import { fmtDate, fmtNumber } from '../../components/format';
import { useUnitScope } from '../../scope/UnitScope';

interface GridRow { id: number; fullName: string; sex: string | null; birthDate: string | null; job: string | null; groupName: string | null; rating: Rating | null; note: string | null }
interface Grid { unitName: string; year: number; rows: GridRow[]; counts: Record<Rating | 'unrated', number>; total: number }
interface Summary { counts: Record<Rating | 'unrated', number>; total: number; byUnit: ({ unitId: number; unitName: string; total: number } & Record<Rating | 'unrated', number>)[] }

const lastYear = () => new Date().getFullYear() - (new Date().getMonth() >= 10 ? 0 : 1);

/** Xếp loại đoàn viên: the union's members for a year in one grid, a rating each, saved at once; counts by rating. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { unitId, unit, setUnitId } = useUnitScope();
  const client = useQueryClient();
  const [year, setYear] = useState(lastYear());
  const [draft, setDraft] = useState<Record<number, { rating: Rating | null; note: string | null }>>({});
  const [saving, setSaving] = useState(false);
  const isUnion = unit?.kind === 'grassroots' || unit?.kind === 'union_group';
  const canWrite = allows(me, 'member.write', unit?.path);
  const grid = useQuery({ queryKey: ['assessments', unitId, year], queryFn: () => api.get<Grid>(`/api/member-assessments${qs({ unitId, year })}`), enabled: Boolean(unitId && isUnion) });
  const summary = useQuery({ queryKey: ['assessments-summary', unitId, year], queryFn: () => api.get<Summary>(`/api/member-assessments/summary${qs({ unitId, year })}`), enabled: Boolean(unitId && !isUnion) });
  useEffect(() => {
    setDraft(Object.fromEntries((grid.data?.rows ?? []).map((r) => [r.id, { rating: r.rating, note: r.note }])));
  }, [grid.data]);
  const counts = useMemo(() => {
    if (!isUnion) return summary.data?.counts;
    const c = { excellent: 0, good: 0, completed: 0, not_completed: 0, unrated: 0 } as Record<Rating | 'unrated', number>;
    for (const r of grid.data?.rows ?? []) c[draft[r.id]?.rating ?? 'unrated']++;
    return c;
  }, [isUnion, summary.data, grid.data, draft]);
  const dirty = (grid.data?.rows ?? []).some((r) => (draft[r.id]?.rating ?? null) !== r.rating || (draft[r.id]?.note ?? null) !== r.note);

  const save = async () => {
    const ratings = Object.entries(draft).filter(([, v]) => v.rating).map(([id, v]) => ({ memberId: Number(id), rating: v.rating!, note: v.note }));
    if (!ratings.length) return;
    setSaving(true);
    try {
      const r = await api.put<{ saved: number; inserted: number; updated: number }>('/api/member-assessments', { unitId, year, ratings });
      message.success(t('members.assessmentSaved', { n: r.inserted + r.updated }));
      await client.invalidateQueries({ queryKey: ['assessments'] });
    } catch (err) { message.error(errorText(err)); } finally { setSaving(false); }
  };
  const fillUnrated = (rating: Rating) => setDraft(Object.fromEntries(Object.entries(draft).map(([id, v]) => [id, v.rating ? v : { ...v, rating }])));

  return (
    <>
      <PageHeader title={t('members.assessmentsTitle')} extra={<>
        <InputNumber value={year} min={2000} max={new Date().getFullYear()} onChange={(v) => v && setYear(v)} aria-label={t('members.year')} prefix={t('members.year')} />
        {isUnion && canWrite && <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={save}>{t('members.saveAll')}</Button>}
      </>} />
      {counts && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {[...RATINGS, 'unrated' as const].map((r) => (
            <Col key={r} xs={12} md={4}><Card size="small"><Statistic title={t(`members.ratingsShort.${r}`)} value={counts[r]} formatter={(v) => fmtNumber(Number(v))} /></Card></Col>
          ))}
        </Row>
      )}
      {isUnion ? (
        <Card>
          {grid.error && <Alert type="error" showIcon title={errorText(grid.error)} />}
          {canWrite && (
            <Space style={{ marginBottom: 12 }} wrap>
              <label htmlFor="cds-fill-unrated">{t('members.fillUnrated')}</label>
              <Select id="cds-fill-unrated" style={{ width: 260 }} placeholder={t('members.rating')} onChange={fillUnrated} value={null}
                options={RATINGS.map((r) => ({ value: r, label: t(`members.ratings.${r}`) }))} />
            </Space>
          )}
          <Table<GridRow> rowKey="id" size="small" loading={grid.isFetching} dataSource={grid.data?.rows ?? []} pagination={{ pageSize: 100, showSizeChanger: false }} scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t('members.noMembersForYear')} /> }}
            columns={[
              { title: '#', key: 'n', width: 50, render: (_, __, i) => i + 1 },
              { title: t('members.fullName'), dataIndex: 'fullName', width: 200 },
              { title: t('members.birthDate'), dataIndex: 'birthDate', width: 110, render: fmtDate },
              { title: t('members.group'), dataIndex: 'groupName', width: 160 },
              { title: t('members.job'), dataIndex: 'job', width: 160 },
              {
                title: t('members.rating'), key: 'rating', width: 260, render: (_, r) => (
                  <Select style={{ width: '100%' }} allowClear disabled={!canWrite} value={draft[r.id]?.rating ?? undefined} placeholder={t('members.ratingsShort.unrated')}
                    aria-label={`${t('members.rating')} ${r.fullName}`}
                    onChange={(v) => setDraft({ ...draft, [r.id]: { rating: v ?? null, note: draft[r.id]?.note ?? null } })}
                    options={RATINGS.map((x) => ({ value: x, label: t(`members.ratings.${x}`) }))} />
                ),
              },
              {
                title: t('common.note'), key: 'note', width: 200, render: (_, r) => (
                  <Input disabled={!canWrite} value={draft[r.id]?.note ?? ''} aria-label={`${t('common.note')} ${r.fullName}`}
                    onChange={(e) => setDraft({ ...draft, [r.id]: { rating: draft[r.id]?.rating ?? null, note: e.target.value || null } })} />
                ),
              },
            ]} />
        </Card>
      ) : (
        <Card title={t('members.assessmentByUnit')}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('members.chooseUnionToRate')} />
          <Table rowKey="unitId" size="small" loading={summary.isFetching} dataSource={summary.data?.byUnit ?? []} scroll={{ x: 800 }}
            onRow={(r) => ({ onClick: () => setUnitId(r.unitId), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('common.unit'), dataIndex: 'unitName', render: (v: string) => <a>{v}</a> },
              ...[...RATINGS, 'unrated' as const].map((r) => ({ title: t(`members.ratingsShort.${r}`), dataIndex: r, width: 110, render: (n: number) => fmtNumber(n) })),
            ]} />
        </Card>
      )}
    </>
  );
}
