import dayjs from 'dayjs';

/** Vietnamese display conventions: dd/mm/yyyy dates, 1.234,5 numbers, whatever the UI language. */
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('DD/MM/YYYY') : '');
export const fmtDateTime = (iso: string | Date | null | undefined) => (iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '');
const numberFormat = new Intl.NumberFormat('vi-VN');
export const fmtNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : numberFormat.format(n));
export const DATE_FORMAT = 'DD/MM/YYYY';
/** antd DatePicker value ↔ API 'YYYY-MM-DD'. */
export const toIso = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
export const fromIso = (s: string | null | undefined) => (s ? dayjs(s) : null);
