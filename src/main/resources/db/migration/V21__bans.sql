-- An admin's ban: when and why (users.status says whether one stands). Recent bans are read by every instance to
-- refuse the banned user's access tokens before they expire.
ALTER TABLE users ADD COLUMN banned_at timestamptz;
ALTER TABLE users ADD COLUMN ban_reason text;
CREATE INDEX users_banned_idx ON users (banned_at) WHERE status = 'BANNED';
