-- One Ed25519 key pair per event, created on first use and never replaced: it signs the event's ticket codes,
-- which scanners verify offline with the public half.
-- No foreign key to events on purpose: its check would lock the event row, and the key is inserted in its own
-- transaction, so a caller holding the event FOR UPDATE would wait on itself.
CREATE TABLE event_signing_keys (
    event_id           uuid PRIMARY KEY,
    public_key         bytea NOT NULL CHECK (octet_length(public_key) = 44), -- X.509 SPKI DER of an Ed25519 key
    private_key_sealed bytea NOT NULL,       -- [1 | nonce 12 | AES-256-GCM(PKCS#8) | tag 16]
    key_id             varchar(16) NOT NULL, -- 16 hex digits of SHA-256(raw public key)
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- A banner's storage key, so that replacing a banner can delete the previous object.
ALTER TABLE events ADD COLUMN banner_key varchar(300);
