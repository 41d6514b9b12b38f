import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/client';
import { useUnitScope } from '../../scope/UnitScope';

/** Picks an enterprise of the unit's subtree by name or tax code (typed without diacritics if liked). */
export function EnterprisePicker(props: { value?: number | null; onChange?: (id: number | null) => void; initialLabel?: string | null; id?: string }) {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const [text, setText] = useState('');
  const { data = [], isFetching } = useQuery({
    queryKey: ['enterprise-pick', unitId, text],
    queryFn: () => api.get<{ id: number; name: string; taxCode: string }[]>(`/api/activity-enterprises${qs({ unitId, q: text })}`),
    enabled: unitId !== null,
  });
  const options = data.map((e) => ({ value: e.id, label: `${e.name} · ${e.taxCode}` }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select id={props.id} allowClear showSearch={{ filterOption: false, onSearch: setText }} value={props.value ?? undefined} loading={isFetching}
      placeholder={t('activities.enterpriseHint')} options={options} onChange={(v) => props.onChange?.(v ?? null)} style={{ width: '100%' }} />
  );
}

/** Several grassroots unions of a subtree (the units taking part in an upper-level activity). */
export function UnitsPicker(props: { value?: number[]; onChange?: (ids: number[]) => void; under?: number; initial?: { id: number; name: string }[]; id?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { data = [] } = useQuery({
    queryKey: ['unit-search', text, 'grassroots', props.under],
    queryFn: () => api.get<{ id: number; name: string }[]>(`/api/units/search${qs({ q: text, kind: 'grassroots', under: props.under, limit: 30 })}`),
    enabled: props.under !== undefined,
  });
  const known = new Map([...(props.initial ?? []), ...data].map((u) => [u.id, u.name]));
  return (
    <Select id={props.id} mode="multiple" allowClear showSearch={{ filterOption: false, onSearch: setText }} value={props.value ?? []}
      placeholder={t('units.searchPlaceholder')} options={[...known].map(([value, label]) => ({ value, label }))}
      onChange={(v) => props.onChange?.(v)} style={{ width: '100%' }} />
  );
}
