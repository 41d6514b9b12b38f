/** Calendar arithmetic on 'YYYY-MM-DD' strings (no time zone can shift a date by a day). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const y = String(Number(iso.slice(0, 4)) + years).padStart(4, '0');
  // 29 February has no twin in most years: the date then falls on 28 February.
  return iso.slice(5) === '02-29' ? `${y}-02-28` : `${y}${iso.slice(4)}`;
}
