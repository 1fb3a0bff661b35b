import { createServer } from "node:net";

import { MailDev } from "maildev";

/** An e-mail as MailDev's web API lists it. */
export interface CaughtEmail {
  subject: string;
  html: string;
  text: string;
  to: { address: string }[];
}

/** A free TCP port on 127.0.0.1, for a server a test starts. */
export async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A real SMTP server (MailDev) on loopback ports of its own, and its inbox: for tests that send e-mail the way the
 * shop does. `stop()` and `start()` cut it and bring it back on the same ports (an SMTP outage).
 */
export async function startMailCatcher() {
  const [smtp, web] = [await freePort(), await freePort()];
  const open = async () => {
    const server = new MailDev({
      smtp,
      ip: "127.0.0.1",
      web,
      webIp: "127.0.0.1",
      silent: true,
      mailDirectory: `.data/maildev-test-${smtp}`,
    });
    await server.start();
    return server;
  };
  let server = await open();
  const inbox = async (): Promise<CaughtEmail[]> => (await fetch(`http://127.0.0.1:${web}/api/email`)).json();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    inbox,
    /** The e-mails about one order (their subjects name it). */
    emailsFor: async (orderId: string) => (await inbox()).filter((e) => e.subject.includes(orderId)),
    /** Their subjects, sorted. */
    subjectsFor: async (orderId: string) =>
      (await inbox())
        .map((e) => e.subject)
        .filter((subject) => subject.includes(orderId))
        .sort(),
    stop: () => server.stop(),
    start: async () => void (server = await open()),
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
