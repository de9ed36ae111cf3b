-- One invoice per client and billing period: monthly invoicing can run on several nodes, and again.
CREATE UNIQUE INDEX invoices_one_per_period ON invoices (client_id, period_start) WHERE period_start IS NOT NULL;
