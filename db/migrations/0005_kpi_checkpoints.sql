-- The KPI engine's state (server/kpi/port-state.ts) at chosen instants, so a historical
-- window is computed by folding the events since the newest checkpoint before it rather
-- than since the first event ever stored. `state` covers every event before `time`.
CREATE TABLE kpi_checkpoint (
  time  timestamptz PRIMARY KEY,
  state jsonb NOT NULL
);
