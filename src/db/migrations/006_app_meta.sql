-- Facts about the installation itself (not about people): e.g. which version of the name-key function
-- the stored search and duplicate keys were computed with, so they are rebuilt when it changes.
CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
