-- Equipment and where it has been. Times are UTC (timestamptz), positions WGS84, speeds m/s.

CREATE TABLE equipment (
  id          text PRIMARY KEY,
  kind        text NOT NULL,
  first_seen  timestamptz NOT NULL,
  last_seen   timestamptz NOT NULL
);

CREATE TABLE equipment_position (
  time          timestamptz      NOT NULL,
  equipment_id  text             NOT NULL,
  lon           double precision NOT NULL,
  lat           double precision NOT NULL,
  heading_deg   double precision,
  speed_mps     double precision,
  state         text,
  -- One fix per entity per instant: a resent item is recognised and not stored twice.
  -- It also serves "latest position of X" and "X over a window".
  CONSTRAINT equipment_position_entity_time UNIQUE (equipment_id, time)
);

-- Window scans over all entities (replay, KPIs) on an append-mostly table.
CREATE INDEX equipment_position_time_brin ON equipment_position USING brin (time);
