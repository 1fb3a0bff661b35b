import { vi } from "vitest";

// `server-only` throws outside React's server condition; unit tests import server modules directly.
vi.mock("server-only", () => ({}));
