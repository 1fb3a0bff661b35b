// /api/auth/* – next-auth (sign-in, sign-out, session, CSRF)
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
