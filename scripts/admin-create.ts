// `npm run admin:create -- --email you@shop.in --name "Your Name" [--role owner|staff] [--refund-limit 5000]`
// The password comes from ADMIN_PASSWORD, or a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { z } from "zod";

import { openCliDatabase } from "../db/cli-database";
import { getAdminByEmail, insertAdmin } from "../db/queries/admin-users";
import { hashPassword } from "../lib/auth/password";
import { rupeesToPaise } from "../lib/money";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "staff" },
    "refund-limit": { type: "string" },
  },
});
const input = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("--email must be an email address")),
    name: z.string().trim().min(2, "--name is required"),
    role: z.enum(["owner", "staff"], "--role must be owner or staff"),
    password: z.string().min(12, "ADMIN_PASSWORD must be at least 12 characters").optional(),
    refundLimit: z.string().optional(),
  })
  .safeParse({ ...values, refundLimit: values["refund-limit"], password: process.env.ADMIN_PASSWORD || undefined });
if (!input.success) {
  console.error(input.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(1);
}

const { email, name, role, refundLimit } = input.data;
const password = input.data.password ?? randomBytes(12).toString("base64url");
const handle = await openCliDatabase();
if (await getAdminByEmail(handle.db, email)) {
  console.error(`An admin with email ${email} already exists.`);
  await handle.close();
  process.exit(1);
}
await insertAdmin(handle.db, {
  email,
  name,
  role,
  passwordHash: await hashPassword(password),
  refundLimitPaise: refundLimit ? rupeesToPaise(refundLimit) : null,
});
await handle.close();
console.log(`Created ${role} ${email}.`);
if (!input.data.password) console.log(`Password (shown once): ${password}`);
