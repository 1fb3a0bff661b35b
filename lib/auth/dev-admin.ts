/** The owner account seeded for local development only (README states it). Refused on public deployments. */
export const DEV_ADMIN = { email: "owner@kaveri.local", password: "kaveri-local-owner", name: "Local Owner" } as const;
export const DEV_STAFF = { email: "staff@kaveri.local", password: "kaveri-local-staff", name: "Local Staff" } as const;

export function isDevAdminCredential(email: string, password: string) {
  return [DEV_ADMIN, DEV_STAFF].some((dev) => dev.email === email && dev.password === password);
}
