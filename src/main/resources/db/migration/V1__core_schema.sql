-- Eventix core schema: the specification's tables, plus refresh tokens, the audit log, the outbox and
-- OAuth login attempts. Status columns are text with CHECK constraints so that a new state is one migration.

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          varchar(320) NOT NULL,
    password_hash  varchar(255),
    first_name     varchar(100) NOT NULL,
    last_name      varchar(100) NOT NULL,
    phone          varchar(32),
    role           varchar(16)  NOT NULL DEFAULT 'ATTENDEE' CHECK (role IN ('ATTENDEE', 'ORGANIZER', 'ADMIN')),
    status         varchar(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BANNED')),
    google_subject varchar(255),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
    CONSTRAINT users_google_subject_key UNIQUE (google_subject)
);

CREATE TABLE organizers (
    id                  uuid PRIMARY KEY,
    user_id             uuid NOT NULL REFERENCES users (id),
    organization_name   varchar(200) NOT NULL,
    description         text,
    contact_email       varchar(320),
    contact_phone       varchar(32),
    verification_status varchar(16) NOT NULL DEFAULT 'PENDING'
        CHECK (verification_status IN ('PENDING', 'VERIFIED', 'REJECTED')),
    rejection_reason    text,
    verified_at         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizers_user_id_key UNIQUE (user_id)
);
CREATE INDEX organizers_status_idx ON organizers (verification_status, created_at);

CREATE TABLE events (
    id                  uuid PRIMARY KEY,
    organizer_id        uuid NOT NULL REFERENCES organizers (id),
    title               varchar(200) NOT NULL,
    description         text,
    category            varchar(64) NOT NULL,
    location            varchar(300) NOT NULL,
    start_time          timestamptz NOT NULL,
    end_time            timestamptz NOT NULL,
    timezone            varchar(64) NOT NULL DEFAULT 'UTC',
    venue_capacity      integer CHECK (venue_capacity IS NULL OR venue_capacity > 0),
    currency            char(3) NOT NULL DEFAULT 'USD',
    banner_url          varchar(1000),
    status              varchar(16) NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'UNDER_REVIEW', 'PUBLISHED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    rejection_reason    text,
    cancellation_reason text,
    version             bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_time_order CHECK (end_time > start_time)
);
CREATE INDEX events_start_time_idx ON events (start_time);
CREATE INDEX events_category_idx ON events (category);
CREATE INDEX events_status_start_idx ON events (status, start_time);
CREATE INDEX events_organizer_idx ON events (organizer_id);

CREATE TABLE ticket_tiers (
    id                 uuid PRIMARY KEY,
    event_id           uuid NOT NULL REFERENCES events (id),
    tier_name          varchar(100) NOT NULL,
    description        text,
    price              numeric(12, 2) NOT NULL CHECK (price >= 0),
    total_quantity     integer NOT NULL CHECK (total_quantity >= 1),
    available_quantity integer NOT NULL CHECK (available_quantity >= 0),
    max_per_order      integer NOT NULL DEFAULT 10 CHECK (max_per_order >= 1),
    sale_start         timestamptz,
    sale_end           timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ticket_tiers_available_within_total CHECK (available_quantity <= total_quantity),
    CONSTRAINT ticket_tiers_sale_window CHECK (sale_end IS NULL OR sale_start IS NULL OR sale_end > sale_start),
    CONSTRAINT ticket_tiers_name_per_event UNIQUE (event_id, tier_name)
);

CREATE TABLE orders (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id),
    total_amount numeric(12, 2) NOT NULL CHECK (total_amount >= 0),
    currency     char(3) NOT NULL,
    status       varchar(24) NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'PAID', 'CANCELLED', 'EXPIRED', 'REFUND_REQUESTED', 'REFUNDED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user_id_idx ON orders (user_id, created_at DESC, id);
CREATE INDEX orders_status_idx ON orders (status);

CREATE TABLE tickets (
    id            uuid PRIMARY KEY,
    tier_id       uuid NOT NULL REFERENCES ticket_tiers (id),
    order_id      uuid NOT NULL REFERENCES orders (id),
    owner_id      uuid NOT NULL REFERENCES users (id),
    qr_code       varchar(512) NOT NULL,
    status        varchar(16) NOT NULL DEFAULT 'VALID'
        CHECK (status IN ('VALID', 'CHECKED_IN', 'REFUNDED', 'CANCELLED')),
    checked_in_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tickets_qr_code_key UNIQUE (qr_code)
);
CREATE INDEX tickets_owner_id_idx ON tickets (owner_id);
CREATE INDEX tickets_order_id_idx ON tickets (order_id);
CREATE INDEX tickets_tier_id_idx ON tickets (tier_id);

CREATE TABLE payments (
    id               uuid PRIMARY KEY,
    order_id         uuid NOT NULL REFERENCES orders (id),
    payment_provider varchar(32) NOT NULL,
    amount           numeric(12, 2) NOT NULL CHECK (amount >= 0),
    currency         char(3) NOT NULL,
    transaction_id   varchar(255),
    status           varchar(16) NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'AUTHORIZED', 'PROCESSING', 'COMPLETED', 'FAILED', 'REFUNDING', 'REFUNDED')),
    paid_at          timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_transaction_id_key UNIQUE (transaction_id)
);
CREATE INDEX payments_order_id_idx ON payments (order_id);

CREATE TABLE checkins (
    id         uuid PRIMARY KEY,
    ticket_id  uuid NOT NULL REFERENCES tickets (id),
    event_id   uuid NOT NULL REFERENCES events (id),
    scanned_by uuid NOT NULL REFERENCES users (id),
    scanned_at timestamptz NOT NULL,
    location   varchar(200),
    -- A ticket is admitted at most once, whatever the concurrency.
    CONSTRAINT checkins_ticket_id_key UNIQUE (ticket_id)
);
CREATE INDEX checkins_event_id_idx ON checkins (event_id, scanned_at);

CREATE TABLE notifications (
    id         uuid PRIMARY KEY,
    user_id    uuid REFERENCES users (id),
    type       varchar(64) NOT NULL,
    channel    varchar(16) NOT NULL CHECK (channel IN ('EMAIL', 'IN_APP', 'PUSH')),
    recipient  varchar(320),
    subject    varchar(300),
    message    text NOT NULL,
    is_read    boolean NOT NULL DEFAULT false,
    sent_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_id_idx ON notifications (user_id, created_at DESC);

CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    family_id   uuid NOT NULL,
    token_hash  char(64) NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE audit_log (
    id            uuid PRIMARY KEY,
    actor_id      uuid,
    action        varchar(64) NOT NULL,
    resource_type varchar(64),
    resource_id   varchar(64),
    outcome       varchar(16) NOT NULL DEFAULT 'SUCCESS' CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    ip_address    varchar(64),
    user_agent    varchar(512),
    details       text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC);
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id);

-- Transactional outbox: a message decided in a transaction is written here in that same transaction and
-- relayed to the broker afterwards, so a broker outage delays it but never loses it.
CREATE TABLE outbox_messages (
    id           uuid PRIMARY KEY,
    destination  varchar(64) NOT NULL,
    payload      text NOT NULL,
    attempts     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox_messages (created_at) WHERE published_at IS NULL;

-- An OpenID Connect login in flight: state, PKCE verifier and nonce, kept in PostgreSQL (not only Redis)
-- so that any instance can finish the flow.
CREATE TABLE oauth_login_attempts (
    state         varchar(128) PRIMARY KEY,
    provider      varchar(32) NOT NULL,
    code_verifier varchar(128) NOT NULL,
    nonce         varchar(128) NOT NULL,
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
