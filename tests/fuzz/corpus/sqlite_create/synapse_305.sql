CREATE INDEX partial_state_events_room_id_idx
     ON partial_state_events (room_id)