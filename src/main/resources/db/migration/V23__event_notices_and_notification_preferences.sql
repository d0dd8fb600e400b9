-- What an event's ticket holders are told: its reminder the day before (one per event), a change of its time or place,
-- an announcement of its organizer. A notice is written once; the sweeps of every instance tell its holders in batches
-- (one instance at a time per notice), each holder once: a delivery row is written in the transaction that queues the
-- holder's mail, and only where there is none.
CREATE TABLE event_notices (
    id           uuid PRIMARY KEY,
    event_id     uuid NOT NULL REFERENCES events (id),
    kind         varchar(16) NOT NULL CHECK (kind IN ('REMINDER', 'CHANGE', 'ANNOUNCEMENT')),
    subject      varchar(300) NOT NULL,
    body         text NOT NULL,
    created_by   uuid REFERENCES users (id),
    created_at   timestamptz NOT NULL,
    -- Set once no holder is left to tell.
    completed_at timestamptz
);
CREATE UNIQUE INDEX event_notices_one_reminder ON event_notices (event_id) WHERE kind = 'REMINDER';
CREATE INDEX event_notices_open_idx ON event_notices (created_at) WHERE completed_at IS NULL;
CREATE INDEX event_notices_event_idx ON event_notices (event_id, kind, created_at);

CREATE TABLE event_notice_deliveries (
    notice_id  uuid NOT NULL REFERENCES event_notices (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (notice_id, user_id)
);

-- The kinds of notification a user wants by email or not (absent: by email). Those switched off still reach the
-- inbox. Only the kinds Eventix lets users switch off are ever stored.
CREATE TABLE notification_preferences (
    user_id    uuid NOT NULL REFERENCES users (id),
    kind       varchar(64) NOT NULL,
    email      boolean NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind)
);
