import { createServer, type Server } from "node:net";

import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { enqueueJobs } from "@/db/queries/outbox";
import { emailDeliveries, outboxJobs } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { emailJob } from "@/lib/orders/jobs";
import { insertTestOrder } from "@/lib/testing/orders";

// Issue 26: with a slow SMTP server and two instances' workers, 20 jobs gave 22 e-mails. Here the same against
// real services: PostgreSQL, and an SMTP server on 127.0.0.1 that takes 1.4 s to accept each message.
const postgres = await requirePostgres();
const SLOW_REPLY_MS = 1_400;
const JOBS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real SMTP server, just enough of RFC 5321 for nodemailer, that is slow where real ones are (scanning a
 * message before accepting it): its answer to the end of DATA comes after `delayMs`. It keeps the Message-ID of
 * every message it received, whether or not its answer arrived in time.
 */
async function startSlowSmtp(delayMs: number) {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    const reply = (line: string) => void (socket.writable && socket.write(`${line}\r\n`));
    let buffer = "";
    let message: string[] | null = null;
    socket.setEncoding("utf8");
    socket.on("error", () => {});
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message) {
          if (line !== ".") {
            message.push(line);
            continue;
          }
          const messageId = message.find((header) => /^message-id:/i.test(header))?.replace(/^message-id:\s*/i, "");
          received.push(messageId ?? "(none)");
          message = null;
          setTimeout(() => reply("250 2.0.0 queued"), delayMs);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 slow-smtp.test");
        else if (verb === "DATA") {
          message = [];
          reply("354 end with <CRLF>.<CRLF>");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else if (["MAIL", "RCPT", "RSET", "NOOP"].includes(verb)) reply("250 ok");
        else reply("502 not implemented");
      }
    });
    reply("220 slow-smtp.test ESMTP");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSlowSmtp>>;
let runDueJobs: typeof import("./worker").runDueJobs;

describe.skipIf(!postgres)("e-mail jobs with a slow SMTP server and two workers (real PostgreSQL)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 10 });
    await seedCatalog(database.db);
    smtp = await startSlowSmtp(SLOW_REPLY_MS);
    Object.assign(process.env, { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    ({ runDueJobs } = await import("./worker"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await smtp?.close();
  });

  /** Twenty paid orders of their own (a retried run gets new ones), each with its confirmation e-mail due. */
  async function dueEmails(run: string) {
    const attempt = `${run}-${Date.now().toString(36)}`;
    const orderIds = Array.from({ length: JOBS }, (_, i) => `KC-SLOW-${attempt}-${String(i).padStart(2, "0")}`);
    for (const id of orderIds) await insertTestOrder(database.db, id, 149_900, { status: "paid", paidAt: new Date() });
    await enqueueJobs(
      database.db,
      orderIds.map((id) => emailJob(id, "order_confirmed", id)),
    );
    const jobs = await database.db.select().from(outboxJobs).where(inArray(outboxJobs.orderId, orderIds));
    expect(jobs).toHaveLength(JOBS);
    return { orderIds, jobIds: jobs.map((job) => job.id) };
  }

  /** One instance's background loop: runs due jobs with a short lease until every job is done; its jobs' outcomes. */
  async function worker(jobIds: string[], leaseSeconds: number) {
    const outcomes = { deferred: 0, lost: 0 };
    for (const deadline = Date.now() + 110_000; Date.now() < deadline;) {
      const report = await runDueJobs({ leaseSeconds });
      outcomes.deferred += report.deferred;
      outcomes.lost += report.lost;
      if (report.claimed > 0) continue;
      const open = await database.db
        .select({ id: outboxJobs.id })
        .from(outboxJobs)
        .where(and(inArray(outboxJobs.id, jobIds), ne(outboxJobs.status, "done")));
      if (open.length === 0) break;
      await sleep(250);
    }
    return outcomes;
  }

  // A lease of 3 s outlasts one send (1.4 s) but not twenty of them: the batch that the old worker claimed under
  // one lease. A lease of 1 s is shorter than one send: the job is taken over mid-send, and the reservation holds.
  it.each([
    { leaseSeconds: 3, run: "batch" },
    { leaseSeconds: 1, run: "midsend" },
  ])(
    "sends exactly one e-mail per job, $leaseSeconds s lease, 20 jobs, two workers",
    async ({ leaseSeconds, run }) => {
      const { orderIds, jobIds } = await dueEmails(run);
      const before = smtp.received.length;
      const outcomes = await Promise.all([worker(jobIds, leaseSeconds), worker(jobIds, leaseSeconds)]);

      const jobs = await database.db.select().from(outboxJobs).where(inArray(outboxJobs.id, jobIds));
      expect(jobs.map((job) => job.status)).toEqual(Array(JOBS).fill("done"));
      const received = smtp.received.slice(before);
      expect(received).toHaveLength(JOBS);
      expect(new Set(received)).toEqual(new Set(jobIds.map((id) => `<${id}@kaveri.local>`)));
      const deliveries = await database.db
        .select()
        .from(emailDeliveries)
        .where(inArray(emailDeliveries.orderId, orderIds));
      expect(deliveries.filter((delivery) => delivery.status === "sent")).toHaveLength(JOBS);
      expect(deliveries.filter((delivery) => delivery.status !== "sent")).toEqual([]);
      expect(await database.db.select().from(emailDeliveries).where(eq(emailDeliveries.status, "sending"))).toEqual([]);
      if (leaseSeconds === 1) {
        // A worker that ran out of jobs took over one still being sent, found its reservation and waited.
        const total = outcomes.reduce((sum, o) => ({ deferred: sum.deferred + o.deferred, lost: sum.lost + o.lost }));
        expect(total.deferred).toBeGreaterThan(0);
        expect(total.lost).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
