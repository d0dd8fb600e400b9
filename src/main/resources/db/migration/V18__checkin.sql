-- Check-in at the door: lists (which tickets a door admits, when, with exits or not), scanner devices, every scan
-- kept, and admissions: one open admission per ticket and list, enforced here whatever the concurrency.

-- Never written: admissions replace it (its one row per ticket cannot hold re-entries or several lists).
DROP TABLE checkins;

CREATE TABLE checkin_lists (
    id          uuid PRIMARY KEY,
    event_id    uuid NOT NULL REFERENCES events (id),
    name        varchar(100) NOT NULL,
    -- Admits every tier of the event; otherwise only those in checkin_list_tiers (none left: nobody).
    all_tiers   boolean NOT NULL DEFAULT true,
    -- Exits are scanned: a ticket that went out may come in again.
    scans_exits boolean NOT NULL DEFAULT false,
    opens_at    timestamptz,
    closes_at   timestamptz,
    is_default  boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT checkin_lists_hours CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
);
CREATE INDEX checkin_lists_event_idx ON checkin_lists (event_id, created_at);
-- One default list ("All tickets") per event, created once even when two instances race.
CREATE UNIQUE INDEX checkin_lists_one_default_idx ON checkin_lists (event_id) WHERE is_default;

-- The tiers a list admits when it does not admit all. A tier deleted from its event (only possible while nothing of
-- it was sold) leaves the lists that named it; a list left with none admits nobody rather than everybody.
CREATE TABLE checkin_list_tiers (
    list_id uuid NOT NULL REFERENCES checkin_lists (id) ON DELETE CASCADE,
    tier_id uuid NOT NULL REFERENCES ticket_tiers (id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, tier_id)
);

CREATE TABLE scanner_devices (
    id         uuid PRIMARY KEY,
    event_id   uuid NOT NULL REFERENCES events (id),
    name       varchar(100) NOT NULL,
    gate       varchar(100),
    -- SHA-256 of the device key, which is shown once and never stored.
    key_hash   char(64) NOT NULL,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT scanner_devices_key_hash_key UNIQUE (key_hash)
);
CREATE INDEX scanner_devices_event_idx ON scanner_devices (event_id, created_at);

-- The lists a device scans for; a device with none scans for every list of its event.
CREATE TABLE scanner_device_lists (
    device_id uuid NOT NULL REFERENCES scanner_devices (id) ON DELETE CASCADE,
    list_id   uuid NOT NULL REFERENCES checkin_lists (id) ON DELETE CASCADE,
    PRIMARY KEY (device_id, list_id)
);

-- A ticket's stays on a list: admitted (and, on lists that scan exits, exited), numbered per ticket and list.
CREATE TABLE checkin_admissions (
    id           uuid PRIMARY KEY,
    ticket_id    uuid NOT NULL REFERENCES tickets (id),
    event_id     uuid NOT NULL REFERENCES events (id),
    list_id      uuid NOT NULL REFERENCES checkin_lists (id),
    cycle        integer NOT NULL CHECK (cycle >= 1),
    admitted_at  timestamptz NOT NULL,
    gate         varchar(100),
    scanner_id   uuid REFERENCES scanner_devices (id),
    scanned_by   uuid REFERENCES users (id),
    scanner_name varchar(100) NOT NULL,
    exited_at    timestamptz,
    exit_gate    varchar(100),
    CONSTRAINT checkin_admissions_cycle_key UNIQUE (ticket_id, list_id, cycle)
);
-- First scan wins: at most one open admission per ticket and list, whatever races.
CREATE UNIQUE INDEX checkin_admissions_one_open_idx ON checkin_admissions (ticket_id, list_id) WHERE exited_at IS NULL;
CREATE INDEX checkin_admissions_event_idx ON checkin_admissions (event_id, admitted_at);

-- Every scan, admitted or refused, online or synced from an offline device.
CREATE TABLE checkin_scans (
    id           uuid PRIMARY KEY,
    event_id     uuid NOT NULL REFERENCES events (id),
    -- Chosen by the scanner per scan: a repeat (a retry over flaky Wi-Fi) answers the first result.
    nonce        varchar(100) NOT NULL,
    ticket_id    uuid REFERENCES tickets (id),
    list_id      uuid REFERENCES checkin_lists (id),
    scanner_id   uuid REFERENCES scanner_devices (id),
    scanned_by   uuid REFERENCES users (id),
    gate         varchar(100),
    direction    varchar(8) NOT NULL CHECK (direction IN ('ENTRY', 'EXIT')),
    result       varchar(24) NOT NULL,
    reason       varchar(24),
    admission_id uuid REFERENCES checkin_admissions (id),
    scanned_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    offline      boolean NOT NULL DEFAULT false,
    CONSTRAINT checkin_scans_nonce_key UNIQUE (event_id, nonce)
);
CREATE INDEX checkin_scans_event_idx ON checkin_scans (event_id, scanned_at);
CREATE INDEX checkin_scans_ticket_idx ON checkin_scans (ticket_id) WHERE ticket_id IS NOT NULL;
