-- Idempotency keys (issue 9): a POST sent twice with the same Idempotency-Key header creates once and
-- answers the second time with the stored answer. Per tenant and user; kept 24 hours (deleted lazily).
-- The stored answer is what the first request returned to the same user (it may hold personal data).
CREATE TABLE idempotency_key (
  tenant_id uuid NOT NULL REFERENCES tenant(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  key text NOT NULL,
  route text NOT NULL,
  request_hash text NOT NULL,
  -- NULL while the first request is still running.
  status_code integer,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (tenant_id, created_at);
