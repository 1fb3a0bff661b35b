ALTER TABLE "orders" ADD COLUMN "paid_payment_group" text;--> statement-breakpoint
CREATE INDEX "orders_payment_group_created_idx" ON "orders" USING btree ("paid_payment_group","created_at","id");--> statement-breakpoint
-- Whoever sets paid_cf_payment_id (the order writer, in the paying transaction, after the payment's row), the
-- group comes with it, from that payment.
CREATE FUNCTION orders_copy_paid_payment_group() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.paid_payment_group := (SELECT p.payment_group FROM payments p WHERE p.cf_payment_id = NEW.paid_cf_payment_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orders_paid_payment_group BEFORE INSERT OR UPDATE OF paid_cf_payment_id ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_copy_paid_payment_group();
--> statement-breakpoint
UPDATE orders o SET paid_payment_group = p.payment_group FROM payments p WHERE p.cf_payment_id = o.paid_cf_payment_id;
