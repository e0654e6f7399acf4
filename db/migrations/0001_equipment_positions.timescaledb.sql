-- With TimescaleDB the position table becomes a hypertable; the BRIN index is then
-- redundant with the chunks' own time index.
DROP INDEX IF EXISTS equipment_position_time_brin;
SELECT create_hypertable('equipment_position', by_range('time', INTERVAL '1 day'), migrate_data => true);
