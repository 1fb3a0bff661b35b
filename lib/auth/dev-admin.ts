import { devAdminAccounts } from "@/db/seed-data";

/** The local accounts' passwords (README). Their accounts are seeded on laptops only; refused on public deployments. */
const DEV_PASSWORDS: Record<(typeof devAdminAccounts)[number]["email"], string> = {
  "owner@kaveri.local": "kaveri-local-owner",
  "staff@kaveri.local": "kaveri-local-staff",
};

export function isDevAdminCredential(email: string, password: string) {
  return Object.entries(DEV_PASSWORDS).some(
    ([devEmail, devPassword]) => devEmail === email && devPassword === password,
  );
}

export const devAdminPasswords = DEV_PASSWORDS;
