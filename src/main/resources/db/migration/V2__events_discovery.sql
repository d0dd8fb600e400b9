-- Discovery: full-text search over events, and the price range of each event kept on the event row so that
-- listings can filter and sort by price without aggregating tiers.

ALTER TABLE events ADD COLUMN min_price numeric(12, 2);
ALTER TABLE events ADD COLUMN max_price numeric(12, 2);

-- Title weighs most, then category, then description. The 'simple' configuration does not stem, so that prefix
-- queries typed as you go ("jaz" -> "jaz:*") match the words as written ("jazz").
ALTER TABLE events ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(category, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')
) STORED;

CREATE INDEX events_search_idx ON events USING gin (search_vector);
-- Public listings filter on visible statuses and sort by start time or price.
CREATE INDEX events_public_start_idx ON events (start_time, id) WHERE status IN ('PUBLISHED', 'ACTIVE');
CREATE INDEX events_public_price_idx ON events (min_price, id) WHERE status IN ('PUBLISHED', 'ACTIVE');
CREATE INDEX events_category_lower_idx ON events (lower(category));
CREATE INDEX ticket_tiers_event_idx ON ticket_tiers (event_id);
