-- The mirrored part of a device's last known state: for xAPI devices the subscribed status paths as the live
-- connection last saw them; for XSI phones what the paced DeviceInformationX poll last read. One row per device.
CREATE TABLE device_live (
    device_id  BIGINT         NOT NULL PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    connected  BOOLEAN,
    status     VARCHAR(16000) NOT NULL,
    since      TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
