import "server-only";

import { render } from "@react-email/render";
import nodemailer, { type Transporter } from "nodemailer";

import { env } from "@/lib/env";

let transporter: Transporter | undefined;

/** One SMTP connection setup per process; short timeouts, so an SMTP outage fails a job fast and it retries. */
function transport() {
  // The timeouts go with the url in one object: a second argument would be message defaults (where nodemailer 8
  // silently ignored them, and 10's types refuse them).
  transporter ??= nodemailer.createTransport({
    url: env.email.smtpUrl,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return transporter;
}

export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  body: React.ReactNode;
  /** Stable per job (`<job-id@domain>`), so a provider or a reader can tell a resend of the same message. */
  messageId: string;
}

/** Renders the React Email body to HTML and plain text and sends it; resolves once the SMTP server took it. */
export async function sendEmail(email: OutgoingEmail) {
  const element = email.body as React.ReactElement;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const info = await transport().sendMail({
    from: email.from,
    to: email.to,
    subject: email.subject,
    html,
    text,
    messageId: email.messageId,
  });
  return { messageId: info.messageId as string };
}
