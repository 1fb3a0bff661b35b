/** PostgreSQL's unique_violation (23505), however the driver wraps it (Drizzle puts the driver's error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return code === "23505";
}
