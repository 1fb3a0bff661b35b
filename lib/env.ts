import { loadEnvOrExit } from "./env-schema";

/** The validated configuration; the only reader of process.env in the app. */
export const env = loadEnvOrExit();
