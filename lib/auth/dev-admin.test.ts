import { describe, expect, it } from "vitest";

import { devAdminAccounts } from "@/db/seed-data";

import { devAdminPasswords, isDevAdminCredential } from "./dev-admin";
import { needsRehash, verifyPassword } from "./password";

describe("the local admin accounts", () => {
  it("are seeded with hashes of the passwords README names, at today's cost", async () => {
    for (const account of devAdminAccounts) {
      expect(await verifyPassword(devAdminPasswords[account.email], account.passwordHash)).toBe(true);
      expect(needsRehash(account.passwordHash)).toBe(false);
      expect(isDevAdminCredential(account.email, devAdminPasswords[account.email])).toBe(true);
    }
  });
});
