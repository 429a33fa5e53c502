/** Times and dates as the office reads them: hh:mm dd/mm/yyyy, Vietnam time, whatever the PC's zone. */
const VN = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

export function vnDateTime(ms: number): string {
  const d = new Date(ms + VN);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${vnDate(ms)}`;
}

export function vnDate(ms: number): string {
  const d = new Date(ms + VN);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** yyyy-mm-dd (an <input type=date>) to the instant that day starts in Vietnam. */
export function startOfVnDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - VN : undefined;
}

export function isoDayOf(ms: number): string {
  const d = new Date(ms + VN);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}
