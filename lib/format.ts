// How the shop writes dates and codes for people. Dates are India's (IST, Asia/Kolkata) whatever the server's or
// the browser's own time zone, in Indian English ("5 Jan 2026, 3:04 pm"):
// https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat/DateTimeFormat

const inIndia = (locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "Asia/Kolkata" });

const dateTime = inIndia("en-IN", { dateStyle: "medium", timeStyle: "short" });
const dateTimeWithSeconds = inIndia("en-IN", { dateStyle: "medium", timeStyle: "medium" });
const date = inIndia("en-IN", { dateStyle: "medium" });
const time = inIndia("en-IN", { timeStyle: "short" });
const timeWithSeconds = inIndia("en-IN", { timeStyle: "medium" });
// en-CA writes dates as ISO 8601 does (2026-01-05).
const isoDate = inIndia("en-CA", {});

/** "5 Jan 2026, 3:04 pm" */
export const formatDateTime = (at: Date) => dateTime.format(at);
/** "5 Jan 2026, 3:04:05 pm": where events seconds apart are told apart (an order's timeline). */
export const formatDateTimeWithSeconds = (at: Date) => dateTimeWithSeconds.format(at);
/** "5 Jan 2026" */
export const formatDate = (at: Date) => date.format(at);
/** "3:04 pm" */
export const formatTime = (at: Date) => time.format(at);
/** "3:04:05 pm" */
export const formatTimeWithSeconds = (at: Date) => timeWithSeconds.format(at);
/** "2026-01-05": India's calendar day, for files (CSV) and for asking whether two moments fall on one day. */
export const formatIsoDate = (at: Date) => isoDate.format(at);

/** A status, reason or type code as words: "partially_refunded" → "partially refunded". */
export const statusLabel = (code: string) => code.replaceAll("_", " ");
