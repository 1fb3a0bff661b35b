import { z } from "zod";

// No eval: zod would probe for `new Function` to compile its parsers, and in the browser that probe is a
// Content-Security-Policy violation (script-src has no 'unsafe-eval'). Modules that reach the browser (forms'
// schemas) import zod from here, so the setting is made before any of them parses.
z.config({ jitless: true });

export { z };
