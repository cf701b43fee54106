/** Calendar arithmetic on the API's dates (YYYY-MM-DD, UTC days). */

const DAY = 86_400_000;

/** `date` moved by `days` (negative for earlier). */
export const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
