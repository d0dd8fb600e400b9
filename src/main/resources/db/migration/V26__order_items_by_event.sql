-- An event's orders (the organizer's orders list and export, sales figures) are found through their lines.
CREATE INDEX order_items_event_idx ON order_items (event_id, order_id);
