-- One reminder per ticket holder and event. The row is written in the transaction that queues the reminder's mail, and
-- only if there is none yet, so instances sweeping at once remind each holder once.
CREATE TABLE event_reminders (
    event_id   uuid NOT NULL REFERENCES events (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, user_id)
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
