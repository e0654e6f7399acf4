-- Continuous aggregates for replay and KPIs, with real-time aggregation
-- (materialized_only = false): rows newer than the last refresh are aggregated at query
-- time, so a rollup never lags the raw data. db/rollups.ts reads these views and computes
-- the same columns from the raw tables where TimescaleDB is not there; a test holds the
-- two to identical results. Buckets use time_bucket's default origin (2000-01-03 UTC).
--
-- Refresh policies reach back 3 days at most (1 day for positions): late rows inside that
-- reach are folded in by the next run. db/storage-policies.ts refuses a retention shorter
-- than that reach, so a refresh never recomputes a bucket whose raw rows were dropped.

-- (a) Crane moves: actual discharges and loads per crane and vessel call, per minute.
CREATE MATERIALIZED VIEW crane_moves_1m
WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT time_bucket(INTERVAL '1 minute', time) AS bucket,
       equipment_id AS crane_id,
       call_id,
       count(*) FILTER (WHERE event_type_code = 'DISC') AS discharges,
       count(*) FILTER (WHERE event_type_code = 'LOAD') AS loads
FROM container_event
WHERE event_type_code IN ('DISC', 'LOAD') AND classifier = 'ACT' AND equipment_id IS NOT NULL
GROUP BY bucket, equipment_id, call_id
WITH NO DATA;
SELECT add_continuous_aggregate_policy('crane_moves_1m',
  start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 minute',
  schedule_interval => INTERVAL '1 minute');

-- (b) Gate transactions: completed lane transactions per gate lane, per hour.
CREATE MATERIALIZED VIEW gate_transactions_1h
WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT time_bucket(INTERVAL '1 hour', time) AS bucket,
       gate_id,
       lane_id,
       count(*) FILTER (WHERE direction = 'in') AS entries,
       count(*) FILTER (WHERE direction = 'out') AS exits
FROM gate_event
WHERE phase = 'completed'
GROUP BY bucket, gate_id, lane_id
WITH NO DATA;
SELECT add_continuous_aggregate_policy('gate_transactions_1h',
  start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 hour',
  schedule_interval => INTERVAL '30 minutes');

-- (c) Equipment positions downsampled for replay: the last fix of each entity per 10 s.
CREATE MATERIALIZED VIEW equipment_position_10s
WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT time_bucket(INTERVAL '10 seconds', time) AS bucket,
       equipment_id,
       max(time) AS last_time,
       last(lon, time) AS lon,
       last(lat, time) AS lat,
       last(state, time) AS state
FROM equipment_position
GROUP BY bucket, equipment_id
WITH NO DATA;
SELECT add_continuous_aggregate_policy('equipment_position_10s',
  start_offset => INTERVAL '1 day', end_offset => INTERVAL '1 minute',
  schedule_interval => INTERVAL '1 minute');

-- (d) Inspection lane completions per lane, per hour, by outcome.
CREATE MATERIALIZED VIEW inspection_completions_1h
WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT time_bucket(INTERVAL '1 hour', time) AS bucket,
       lane_id,
       count(*) FILTER (WHERE outcome = 'cleared') AS cleared,
       count(*) FILTER (WHERE outcome = 'held') AS held,
       count(*) AS completed
FROM inspection_event
WHERE phase = 'completed'
GROUP BY bucket, lane_id
WITH NO DATA;
SELECT add_continuous_aggregate_policy('inspection_completions_1h',
  start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 hour',
  schedule_interval => INTERVAL '30 minutes');
