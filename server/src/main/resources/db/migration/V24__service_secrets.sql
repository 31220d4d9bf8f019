-- Secrets the service makes for itself and shares between replicas, sealed like credentials (AES-GCM, master key):
-- the credentials phones use on the service's callback endpoint.
CREATE TABLE service_secrets (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    key_id     VARCHAR(16) NOT NULL,
    nonce      BYTEA       NOT NULL,
    sealed     BYTEA       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
