-- 密钥登记: the public keys the county office trusts, each for the organiser (主办单位, as the
-- package names it) whose packages it signs. A key registered from the printed key card has only
-- its fingerprint (the first 80 bits of SHA-256 of the public key); one registered from the key
-- file or from a package also has the key itself. Rows are never deleted: a key that must no
-- longer vouch is withdrawn, with who, when and why.
CREATE TABLE keyring_entry (
  id INTEGER PRIMARY KEY,
  organiser TEXT NOT NULL CHECK (length(trim(organiser)) > 0),
  algorithm TEXT CHECK (algorithm IS NULL OR algorithm IN ('ed25519', 'sm2-sm3')),
  public_key TEXT CHECK (public_key IS NULL OR (public_key NOT GLOB '*[^0-9a-f]*')),
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 24 AND fingerprint NOT GLOB '*[^0-9A-F ]*'),
  source TEXT NOT NULL CHECK (source IN ('key-file', 'fingerprint', 'package', 'import')),
  reason TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT,
  withdrawn_reason TEXT,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
) STRICT;

CREATE UNIQUE INDEX keyring_entry_key ON keyring_entry (organiser, fingerprint)
  WHERE withdrawn_at IS NULL;
