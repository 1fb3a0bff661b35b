-- Sign-in throttling and find-my-order now count in rate_limiter_counters (rate-limiter-flexible, 0015); their
-- counters are short-lived, so nothing is carried over.
DROP TABLE "login_throttles" CASCADE;--> statement-breakpoint
DROP TABLE "rate_limits" CASCADE;