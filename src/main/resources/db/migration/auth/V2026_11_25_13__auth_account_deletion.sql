-- A deleted account keeps its row for 30 days (it can be restored), then its personal data is erased unless an
-- admin holds it (a dispute, a legal request).
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
ALTER TABLE users ADD COLUMN erasure_hold boolean NOT NULL DEFAULT false;
