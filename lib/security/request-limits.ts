/**
 * The largest Server Action request: a 5 MB product photo or dispute evidence file and the form around it (Next.js's
 * default is 1 MB: https://nextjs.org/docs/app/api-reference/config/next-config-js/serverActions#bodysizelimit).
 * next.config.ts gives it to Next.js; proxy.ts answers a larger request 413 before Next.js reads it (and fails it
 * with a 500).
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
