-- With TimescaleDB every time-series table of this step becomes a hypertable; each chunk
-- then carries its own time index, which makes the BRIN index on time redundant.
-- Chunks: a day for the high-rate vessel positions, a week for the sparser event tables.
DROP INDEX IF EXISTS vessel_position_time_brin;
SELECT create_hypertable('vessel_position', by_range('time', INTERVAL '1 day'), migrate_data => true);

DROP INDEX IF EXISTS container_event_time_brin;
SELECT create_hypertable('container_event', by_range('time', INTERVAL '7 days'), migrate_data => true);

DROP INDEX IF EXISTS port_call_event_time_brin;
SELECT create_hypertable('port_call_event', by_range('time', INTERVAL '7 days'), migrate_data => true);

DROP INDEX IF EXISTS gate_event_time_brin;
SELECT create_hypertable('gate_event', by_range('time', INTERVAL '7 days'), migrate_data => true);

DROP INDEX IF EXISTS inspection_event_time_brin;
SELECT create_hypertable('inspection_event', by_range('time', INTERVAL '7 days'), migrate_data => true);

DROP INDEX IF EXISTS customs_event_time_brin;
SELECT create_hypertable('customs_event', by_range('time', INTERVAL '7 days'), migrate_data => true);

DROP INDEX IF EXISTS equipment_state_event_time_brin;
SELECT create_hypertable('equipment_state_event', by_range('time', INTERVAL '7 days'), migrate_data => true);
