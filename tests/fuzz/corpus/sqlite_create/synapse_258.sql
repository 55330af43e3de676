CREATE INDEX destination_rooms_room_id
    ON destination_rooms (room_id)