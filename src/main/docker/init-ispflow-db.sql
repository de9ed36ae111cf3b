-- Run once by the postgres image on an empty volume: the application connects as an ordinary role
-- that owns its database, never as a superuser, so that row-level security applies to it.
CREATE ROLE ispflow LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'ispflow';
CREATE DATABASE ispflow OWNER ispflow;
