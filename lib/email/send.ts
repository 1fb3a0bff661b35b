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

/** The parts of html-to-text's block builder a formatter uses (https://github.com/html-to-text/node-html-to-text). */
interface TextBuilder {
  pushWordTransform(transform: (word: string) => string): void;
  popWordTransform(): void;
  addInline(text: string, options?: { noWordTransform?: boolean }): void;
  addLineBreak(): void;
}
type Walk = (nodes: unknown, builder: TextBuilder) => void;

/** A DOM node as html-to-text hands it to a formatter (domhandler's). */
interface Node {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children: unknown;
  next: Node | null;
}

/** What follows the link starts right after it (a full stop, a bracket, another element), with no space between. */
const gluedAfter = (next: Node | null) =>
  !!next && (next.type === "text" ? /^\S/.test(next.data ?? "") : next.type === "tag" && next.name !== "br");

/**
 * A link in the plain-text part: its words, then its URL, and a line break when the sentence goes on right after
 * it. Mail clients linkify a URL up to the next space, so a full stop or bracket glued to it became part of the
 * link (a 404, or a token that no longer matches).
 */
function linkUrlAlone(elem: Node, walk: Walk, builder: TextBuilder) {
  const href = elem.attribs?.href?.replace(/^mailto:/, "");
  if (!href) return walk(elem.children, builder);
  let words = "";
  builder.pushWordTransform((word) => ((words += word), word));
  walk(elem.children, builder);
  builder.popWordTransform();
  if (words !== href) builder.addInline(words ? ` ${href}` : href, { noWordTransform: true });
  if (gluedAfter(elem.next)) builder.addLineBreak();
}

/** The plain-text alternative of an e-mail, as sent (React Email's conversion, links as above). */
export function plainTextOf(element: React.ReactElement) {
  return render(element, {
    plainText: true,
    htmlToTextOptions: { formatters: { linkUrlAlone }, selectors: [{ selector: "a", format: "linkUrlAlone" }] },
  });
}

/** Renders the React Email body to HTML and plain text and sends it; resolves once the SMTP server took it. */
export async function sendEmail(email: OutgoingEmail) {
  const element = email.body as React.ReactElement;
  const [html, text] = await Promise.all([render(element), plainTextOf(element)]);
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
