-- Every lifecycle step finds its subscription by the account number that is its process's business
-- key: without an index each step read the whole table (at 100,000 subscriptions, most of the time of
-- a renewal run went into those scans).
CREATE INDEX subscriptions_company_account_idx ON subscriptions (isp_company_id, account_number);
