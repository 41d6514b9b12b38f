import { useState } from 'react';
import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api/client';
import type { Unit } from '../scope/UnitScope';

/** Picks a unit in the user's scope by typing part of its name, without diacritics if they like. */
export function UnitPicker(props: {
  value?: number | null;
  onChange?: (id: number, unit?: Unit) => void;
  kind?: string;
  under?: number;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  initialLabel?: string;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { data = [], isFetching } = useQuery({
    queryKey: ['unit-search', text, props.kind, props.under],
    queryFn: () => api.get<Unit[]>(`/api/units/search${qs({ q: text, kind: props.kind, under: props.under, limit: 30 })}`),
  });
  const options = data.map((u) => ({
    value: u.id,
    label: u.name,
    unit: u,
  }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel, unit: undefined as never });
  }
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={props.value ?? undefined}
      placeholder={props.placeholder ?? t('units.searchPlaceholder')}
      loading={isFetching}
      allowClear={props.allowClear}
      style={{ minWidth: 260, ...props.style }}
      popupMatchSelectWidth={false}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label} {o.data.unit && <Tag style={{ marginLeft: 6 }}>{t(`unitKinds.${o.data.unit.kind}`)}</Tag>}
        </span>
      )}
      onChange={(id: number) => props.onChange?.(id, data.find((u) => u.id === id))}
    />
  );
}
