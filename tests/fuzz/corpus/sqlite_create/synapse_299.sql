CREATE INDEX device_auth_providers_devices
  ON device_auth_providers (user_id, device_id)