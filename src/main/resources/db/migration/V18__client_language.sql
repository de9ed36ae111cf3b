-- The language a client reads his messages in: English or Swahili.
ALTER TABLE clients
    ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'sw'));
