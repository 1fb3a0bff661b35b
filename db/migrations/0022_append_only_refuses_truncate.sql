-- The append-only tables' row triggers (0001, 0008, 0015) refuse UPDATE and DELETE, but TRUNCATE fires no row
-- trigger: one statement emptied them. A statement trigger BEFORE TRUNCATE refuses it, for every role (the tables'
-- owner too; only the owner or a superuser can disable a trigger, which is why the app connects as a role of its
-- own, see docs/database-roles.md). https://www.postgresql.org/docs/current/sql-createtrigger.html
CREATE TRIGGER order_events_no_truncate BEFORE TRUNCATE ON order_events
  FOR EACH STATEMENT EXECUTE FUNCTION order_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tax_documents_no_truncate BEFORE TRUNCATE ON tax_documents
  FOR EACH STATEMENT EXECUTE FUNCTION tax_documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tax_document_lines_no_truncate BEFORE TRUNCATE ON tax_document_lines
  FOR EACH STATEMENT EXECUTE FUNCTION tax_documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
