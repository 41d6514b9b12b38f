import { useState, type ReactNode } from 'react';
import { App, Button, Checkbox, Popover, Space, Typography, type TablePaginationConfig } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download, errorText } from '../api/client';
import { useMe } from '../auth/session';

/**
 * The pieces every list page shares (UX.md "List page"): a title bar with actions, filters
 * remembered per user, paging, a column chooser remembered per user, and "Xuất Excel" of the
 * current view.
 */

function useStored<T>(key: string, initial: T): [T, (v: T) => void] {
  const { data: me } = useMe();
  const storageKey = `cds.${me?.id ?? 'anon'}.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = localStorage.getItem(storageKey);
      return saved === null ? initial : (JSON.parse(saved) as T);
    } catch {
      return initial;
    }
  });
  const store = (v: T) => {
    setValue(v);
    localStorage.setItem(storageKey, JSON.stringify(v));
  };
  return [value, store];
}

/** Filters of a list, remembered per user; changing one goes back to the first page. */
export function useListFilters<F extends Record<string, unknown>>(listKey: string, initial: F) {
  const [filters, setFilters] = useStored<F>(`${listKey}.filters`, initial);
  const paging = usePaging();
  const setFilter = (key: keyof F & string, value: unknown) => {
    setFilters({ ...filters, [key]: value === '' || value === null ? undefined : value });
    paging.reset();
  };
  const clear = () => { setFilters(initial); paging.reset(); };
  return { filters, setFilter, clear, paging };
}

export function usePaging(initialSize = 50) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  return {
    page,
    pageSize,
    reset: () => setPage(1),
    /** antd Table `pagination` for a list the server pages. */
    pagination: (total: number | undefined): TablePaginationConfig => ({
      current: page, pageSize, total: total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
      onChange: (p, s) => { setPage(s === pageSize ? p : 1); setPageSize(s); },
      showTotal: (n) => t('common.total', { count: n }),
    }),
  };
}

/** Which optional columns a user shows in a list, remembered per user. */
export function useColumnChooser(listKey: string, defaults: string[]) {
  return useStored<string[]>(`${listKey}.columns`, defaults);
}

export function ColumnChooser(props: { options: { value: string; label: ReactNode }[]; value: string[]; onChange(v: string[]): void }) {
  const { t } = useTranslation();
  return (
    <Popover trigger="click" title={t('common.columns')} content={
      <Checkbox.Group value={props.value} onChange={(v) => props.onChange(v as string[])} style={{ display: 'grid', gap: 4 }} options={props.options} />
    }>
      <Button icon={<SettingOutlined />}>{t('common.columns')}</Button>
    </Popover>
  );
}

/** "Xuất Excel" of what the list shows: the same filters, every page. */
export function ExportButton(props: { url: string; fileName: string; label?: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(props.url, props.fileName);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>{props.label ?? t('common.exportExcel')}</Button>;
}

/** The title of a page with its actions on the right, wrapping on a phone. */
export function PageHeader(props: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 8 }}>
      <Typography.Title level={3} className="cds-page-title">{props.title}</Typography.Title>
      {props.extra && <Space wrap>{props.extra}</Space>}
    </Space>
  );
}
