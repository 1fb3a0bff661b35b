import "server-only";

import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import type { AuditAction } from "@/lib/audit/actions";
import { type Audit, AuditRun, targetOf } from "@/lib/audit/record";
import type { Admin, AdminRole } from "@/lib/auth/admins";
import { AdminAuthError, requireAdmin } from "@/lib/auth/session";
import { currentRequestId, logError } from "@/lib/log";

import { fail, type Result } from "./result";

/**
 * The action client: every server action (and every route handler that needs a session) is a public endpoint,
 * so each one is built here the same way. Middleware, in order: the session and role (for admin actions,
 * checked here, never only in a proxy), zod input (field errors for forms), then the body. Unexpected errors
 * are logged once, redacted, and answered with a sentence; Next.js's own redirects pass through. Every admin
 * action and route names its audit action, and its row is written whatever the outcome (lib/audit/record.ts).
 *
 * Ours rather than next-safe-action: it is forty lines, needs no dependency, keeps `Result` one plain shape for
 * `useActionState` and our components, and the authorization test calls every export with forged input.
 */

const SOMETHING_WENT_WRONG = "Something went wrong. Nothing was changed; please try again.";

/** The sentence for an unexpected failure, with the request id the log line carries, for the shopper to quote. */
function somethingWentWrong() {
  const reference = currentRequestId();
  return reference ? `${SOMETHING_WENT_WRONG} (Reference ${reference})` : SOMETHING_WENT_WRONG;
}

function fieldErrorsOf(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.at(-1);
    if (typeof field === "string") fields[field] ??= issue.message;
  }
  return fields;
}

async function guarded<T>(run: () => Promise<Result<T>>, context: string): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AdminAuthError) return fail(error.message);
    logError(context, error);
    return fail(somethingWentWrong());
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown, invalidMessage?: string) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data as z.output<S> };
  return {
    failure: fail(invalidMessage ?? parsed.error.issues[0]?.message ?? "Invalid input.", {
      fieldErrors: fieldErrorsOf(parsed.error),
    }),
  };
}

export interface ActionOptions {
  /** The answer to invalid input, when one sentence should cover all fields (a long form). */
  invalidMessage?: string;
}

const auditActions = new WeakMap<object, AuditAction>();

/** The audit action an admin action or route was built with (a test checks every export has one). */
export const auditActionOf = (endpoint: unknown) =>
  typeof endpoint === "function" ? auditActions.get(endpoint) : undefined;

/** The session's admin, holding `role`; one who holds a lesser role is the audit's actor, refused. */
async function admitted(role: AdminRole, audit: AuditRun) {
  try {
    const admin = await requireAdmin(role);
    audit.identify(admin);
    return admin;
  } catch (error) {
    if (error instanceof AdminAuthError && error.admin) audit.identify(error.admin, { refused: true });
    throw error;
  }
}

/** A shop action: anyone may call it; the input is all it trusts. */
export function shopAction<S extends z.ZodType, T>(
  schema: S,
  run: (data: z.output<S>) => Promise<Result<T>>,
  options: ActionOptions = {},
) {
  return async (input: z.input<S>): Promise<Result<T>> =>
    guarded(async () => {
      const parsed = parse(schema, input, options.invalidMessage);
      return parsed.failure ?? run(parsed.data!);
    }, "shop action failed");
}

/**
 * An admin action: the signed-in admin must hold `role`, checked on every call, before the input is read. It is
 * audited as `auditAction`, its target read from the input's id (`orderId`, `variantId`…); the body may note more
 * on `audit` (before and after), or write the row in its own transaction (`audit.writeIn`).
 */
export function adminAction<S extends z.ZodType, T>(
  role: AdminRole,
  auditAction: AuditAction,
  schema: S,
  run: (data: z.output<S>, admin: Admin, audit: Audit) => Promise<Result<T>>,
  options: ActionOptions = {},
) {
  const action = async (input: z.input<S>): Promise<Result<T>> => {
    const audit = new AuditRun(auditAction);
    const result = await guarded(async () => {
      const admin = await admitted(role, audit);
      const parsed = parse(schema, input, options.invalidMessage);
      if (parsed.failure) {
        audit.note({ detail: { invalidFields: Object.keys(parsed.failure.fieldErrors ?? {}) } });
        return parsed.failure;
      }
      audit.note({ target: targetOf(parsed.data) });
      return run(parsed.data!, admin, audit);
    }, "admin action failed");
    await audit.finish(result.ok ? "ok" : "failed", result.ok ? undefined : { error: result.error });
    return result;
  };
  auditActions.set(action, auditAction);
  return action;
}

/**
 * A route handler behind the admin session (CSV export): 401 for strangers, 403 for a lesser role, and a 500
 * that names its reference (the request id on the log line) rather than a blank page. Its audit row is written
 * once the handler has answered (before a streamed body is sent), `failed` for an error status.
 */
export function adminRoute(
  role: AdminRole,
  auditAction: AuditAction,
  handler: (request: Request, admin: Admin, audit: Audit) => Promise<Response>,
) {
  const route = async (request: Request): Promise<Response> => {
    const audit = new AuditRun(auditAction);
    let admin: Admin;
    try {
      admin = await admitted(role, audit);
    } catch (error) {
      if (!(error instanceof AdminAuthError)) throw error;
      await audit.finish("failed");
      return new Response(error.message, { status: error.reason === "unauthenticated" ? 401 : 403 });
    }
    let response: Response;
    try {
      response = await handler(request, admin, audit);
    } catch (error) {
      unstable_rethrow(error);
      logError("admin route failed", error);
      await audit.finish("failed", { error: "unexpected error" });
      return new Response(somethingWentWrong(), {
        status: 500,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    await audit.finish(response.ok ? "ok" : "failed", response.ok ? undefined : { status: response.status });
    return response;
  };
  auditActions.set(route, auditAction);
  return route;
}
