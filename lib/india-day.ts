/** A calendar day in India (IST, UTC+5:30, no daylight saving): Cashfree's day and the dashboard's, as YYYY-MM-DD. */
export const indiaDay = (ms: number) => new Date(ms + 330 * 60_000).toISOString().slice(0, 10);
