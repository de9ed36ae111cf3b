-- Read model: client registrations per company and day (Africa/Nairobi), fed by ClientRegistered.
CREATE TABLE client_registrations_daily (
    isp_company_id uuid    NOT NULL REFERENCES isp_companies (id),
    day            date    NOT NULL,
    registered     integer NOT NULL CHECK (registered >= 0),
    PRIMARY KEY (isp_company_id, day)
);
SELECT isolate_by_company('client_registrations_daily');
