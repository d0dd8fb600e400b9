-- Email verification, password reset and the absolute lifetime of a sign-in.

-- When the owner proved they read mail at this address; NULL: not yet. Accounts that exist already were opened
-- without any proof, so they start unverified (their owners verify, or reset their password, to link Google).
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
-- Accounts created through Google sign-in came with an email Google had verified.
UPDATE users SET email_verified_at = created_at WHERE google_subject IS NOT NULL AND password_hash IS NULL;

-- Single-use tokens mailed to an account's address: email verification and password reset. Only the SHA-256
-- of the token is stored; the purpose is part of the row, so a token of one kind is never accepted as the other.
CREATE TABLE account_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    purpose     varchar(24) NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash  char(64) NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose) WHERE used_at IS NULL;

-- When the sign-in a refresh token belongs to started, carried from token to token on rotation.
ALTER TABLE refresh_tokens ADD COLUMN family_started_at timestamptz;
UPDATE refresh_tokens t SET family_started_at = f.started
  FROM (SELECT family_id, min(created_at) AS started FROM refresh_tokens GROUP BY family_id) f
 WHERE t.family_id = f.family_id;
ALTER TABLE refresh_tokens ALTER COLUMN family_started_at SET NOT NULL;
CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
