"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import { currentAdminSession } from "@/lib/auth/session";
import { CONNECT_OUTCOMES, disconnectCashfree, startCashfreeConnect } from "@/lib/merchant-account/connect";

const noInput = z.object({}).strict();
const connection = { target: { type: "cashfree", id: "connection" } } as const;

/** Owner only: asks Cashfree for an authorisation link bound to this session; the browser goes there next. */
export const connectCashfreeAction = adminAction("owner", "cashfree.connect_start", noInput, async (_d, _a, audit) => {
  audit.note(connection);
  const session = await currentAdminSession();
  if (!session) return fail("Please sign in.");
  const started = await startCashfreeConnect(session.admin, session.sessionId);
  if (!started.ok) return fail(CONNECT_OUTCOMES[started.outcome].text);
  return ok("Opening Cashfree…", { url: started.url });
});

/** Owner only: revokes the tokens at Cashfree and goes back to API keys. */
export const disconnectCashfreeAction = adminAction(
  "owner",
  "cashfree.disconnect",
  noInput,
  async (_d, admin, audit) => {
    audit.note(connection);
    const outcome = await disconnectCashfree(admin);
    audit.note({ detail: { outcome } });
    revalidatePath("/admin", "layout");
    const message = CONNECT_OUTCOMES[outcome];
    return message.ok ? ok(message.text, { outcome }) : fail(message.text);
  },
);
