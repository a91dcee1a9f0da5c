-- The RSA keys that sign access tokens, shared by every node. The newest unretired key signs; a retired key still
-- verifies for one access-token lifetime after its retirement. Private keys are sealed with AES-GCM.
CREATE TABLE jwt_signing_keys (
    kid         text        PRIMARY KEY,
    sealed_jwk  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);
