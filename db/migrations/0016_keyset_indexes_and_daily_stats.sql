CREATE TABLE "order_daily_stats" (
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"total_paise" bigint DEFAULT 0 NOT NULL,
	"refunded_paise" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "order_daily_stats_kind_day_key_pk" PRIMARY KEY("kind","day","key")
);
--> statement-breakpoint
DROP INDEX "orders_status_created_idx";--> statement-breakpoint
DROP INDEX "orders_created_idx";--> statement-breakpoint
CREATE INDEX "orders_total_created_idx" ON "orders" USING btree ("total_paise","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_status_created_idx" ON "orders" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id");--> statement-breakpoint
-- Adds one order's share of the dashboard figures (sign 1) or takes it away (sign -1).
CREATE FUNCTION order_daily_stats_add(o orders, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_daily_stats AS s (kind, day, key, orders, total_paise, refunded_paise)
  VALUES ('created', (o.created_at AT TIME ZONE 'Asia/Kolkata')::date, o.status::text, sign, sign * o.total_paise, 0)
  ON CONFLICT (kind, day, key) DO UPDATE
    SET orders = s.orders + excluded.orders, total_paise = s.total_paise + excluded.total_paise;
  IF o.status = 'paid' AND o.paid_at IS NOT NULL THEN
    INSERT INTO order_daily_stats AS s (kind, day, key, orders, total_paise, refunded_paise)
    VALUES ('paid', (o.paid_at AT TIME ZONE 'Asia/Kolkata')::date,
      coalesce((SELECT p.payment_group FROM payments p WHERE p.cf_payment_id = o.paid_cf_payment_id), 'unknown'),
      sign, sign * o.total_paise, sign * o.refunded_paise)
    ON CONFLICT (kind, day, key) DO UPDATE
      SET orders = s.orders + excluded.orders, total_paise = s.total_paise + excluded.total_paise,
        refunded_paise = s.refunded_paise + excluded.refunded_paise;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION order_daily_stats_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.total_paise = NEW.total_paise
    AND OLD.refunded_paise = NEW.refunded_paise AND OLD.created_at = NEW.created_at
    AND OLD.paid_at IS NOT DISTINCT FROM NEW.paid_at
    AND OLD.paid_cf_payment_id IS NOT DISTINCT FROM NEW.paid_cf_payment_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM order_daily_stats_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM order_daily_stats_add(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orders_daily_stats
  AFTER INSERT OR DELETE OR UPDATE OF status, total_paise, refunded_paise, created_at, paid_at, paid_cf_payment_id
  ON orders FOR EACH ROW EXECUTE FUNCTION order_daily_stats_track();
--> statement-breakpoint
-- The figures of the orders already there.
INSERT INTO order_daily_stats (kind, day, key, orders, total_paise, refunded_paise)
SELECT 'created', (created_at AT TIME ZONE 'Asia/Kolkata')::date, status::text, count(*), sum(total_paise), 0
FROM orders GROUP BY 2, 3;
--> statement-breakpoint
INSERT INTO order_daily_stats (kind, day, key, orders, total_paise, refunded_paise)
SELECT 'paid', (o.paid_at AT TIME ZONE 'Asia/Kolkata')::date, coalesce(p.payment_group, 'unknown'), count(*),
  sum(o.total_paise), sum(o.refunded_paise)
FROM orders o LEFT JOIN payments p ON p.cf_payment_id = o.paid_cf_payment_id
WHERE o.status = 'paid' AND o.paid_at IS NOT NULL
GROUP BY 2, 3;
