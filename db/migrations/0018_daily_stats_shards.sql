ALTER TABLE "order_daily_stats" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_daily_stats" DROP CONSTRAINT "order_daily_stats_kind_day_key_pk";--> statement-breakpoint
ALTER TABLE "order_daily_stats" ADD CONSTRAINT "order_daily_stats_kind_day_key_shard_pk" PRIMARY KEY("kind","day","key","shard");--> statement-breakpoint
-- Each order adds to one of 16 rows of its figure (by its id), so payments committing at once rarely share a row
-- lock; readers sum the shards. The rows already there are shard 0.
CREATE OR REPLACE FUNCTION order_daily_stats_add(o orders, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  order_shard smallint := (hashtext(o.id) & 15)::smallint;
BEGIN
  INSERT INTO order_daily_stats AS s (kind, day, key, shard, orders, total_paise, refunded_paise)
  VALUES ('created', (o.created_at AT TIME ZONE 'Asia/Kolkata')::date, o.status::text, order_shard, sign, sign * o.total_paise, 0)
  ON CONFLICT (kind, day, key, shard) DO UPDATE
    SET orders = s.orders + excluded.orders, total_paise = s.total_paise + excluded.total_paise;
  IF o.status = 'paid' AND o.paid_at IS NOT NULL THEN
    INSERT INTO order_daily_stats AS s (kind, day, key, shard, orders, total_paise, refunded_paise)
    VALUES ('paid', (o.paid_at AT TIME ZONE 'Asia/Kolkata')::date,
      coalesce((SELECT p.payment_group FROM payments p WHERE p.cf_payment_id = o.paid_cf_payment_id), 'unknown'),
      order_shard, sign, sign * o.total_paise, sign * o.refunded_paise)
    ON CONFLICT (kind, day, key, shard) DO UPDATE
      SET orders = s.orders + excluded.orders, total_paise = s.total_paise + excluded.total_paise,
        refunded_paise = s.refunded_paise + excluded.refunded_paise;
  END IF;
END;
$$;
