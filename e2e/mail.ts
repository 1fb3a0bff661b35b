import { expect } from "@playwright/test";

import { E2E_MAIL_API_URL } from "./ports";

/** The order e-mails MailDev caught (the real SMTP server the e2e app sends through). */
interface CaughtEmail {
  subject: string;
  html: string;
  text: string;
  to: { address: string }[];
}

export async function emailsAbout(orderId: string): Promise<CaughtEmail[]> {
  const response = await fetch(`${E2E_MAIL_API_URL}/api/email`);
  return ((await response.json()) as CaughtEmail[]).filter((email) => email.subject.includes(orderId));
}

/** Waits until the e-mail with this subject arrived (the outbox sends it after the commit), then returns it. */
export async function waitForEmail(orderId: string, subject: string) {
  await expect
    .poll(async () => (await emailsAbout(orderId)).filter((e) => e.subject === subject).length, { timeout: 15_000 })
    .toBe(1);
  return (await emailsAbout(orderId)).find((e) => e.subject === subject)!;
}

export const linkIn = (email: CaughtEmail, pattern: RegExp) => email.html.match(pattern)?.[0]?.replaceAll("&amp;", "&");

/** The shopper's order page in an e-mail (not the invoice PDF under it). */
export const ORDER_PAGE_LINK = /http:\/\/localhost:\d+\/orders\/[^"/?]+\?token=[^"]+/;
