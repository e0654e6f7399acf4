-- Old chunks are compressed into per-entity segments ordered newest first: the reads that
-- reach old data are "history of X" and window replays, and both stay cheap that way.
-- Late rows may still land in a compressed chunk (TimescaleDB 2.11+ inserts into them).
-- compress_after leaves each chunk a margin past its end for late data.

ALTER TABLE equipment_position SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'equipment_id', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('equipment_position', compress_after => INTERVAL '2 days');

ALTER TABLE vessel_position SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'mmsi', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('vessel_position', compress_after => INTERVAL '2 days');

-- A container's own history ("drill into a container") is the lookup that reaches old events.
ALTER TABLE container_event SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'container_number', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('container_event', compress_after => INTERVAL '14 days');

ALTER TABLE port_call_event SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'call_id', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('port_call_event', compress_after => INTERVAL '14 days');

ALTER TABLE gate_event SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'lane_id', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('gate_event', compress_after => INTERVAL '14 days');

ALTER TABLE inspection_event SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'lane_id', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('inspection_event', compress_after => INTERVAL '14 days');

ALTER TABLE customs_event SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'container_number', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('customs_event', compress_after => INTERVAL '14 days');

ALTER TABLE equipment_state_event SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'equipment_id', timescaledb.compress_orderby = 'time DESC');
SELECT add_compression_policy('equipment_state_event', compress_after => INTERVAL '14 days');
