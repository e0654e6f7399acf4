-- One database of all port data: logistics events, vessels and their positions, and the
-- port model's objects. Times are UTC (timestamptz). Event tables are append-only;
-- a BRIN index serves window scans, a btree on (entity, time) serves "history of X".

-- Idempotency for every event type: an event id is stored once. Kept apart from the
-- time-partitioned event tables, whose unique indexes would have to include time.
CREATE TABLE ingested_event (
  event_id    text PRIMARY KEY,
  event_type  text NOT NULL,
  time        timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingested_event_received_brin ON ingested_event USING brin (received_at);

-- DCSA equipment events of containers (DISC, LOAD, GTIN, GTOT, PICK, DROP, CUSS, ...).
CREATE TABLE container_event (
  time               timestamptz NOT NULL,
  event_id           text NOT NULL,
  event_type_code    text NOT NULL,
  classifier         text NOT NULL DEFAULT 'ACT',
  container_number   text NOT NULL,
  iso_equipment_code text,
  empty_indicator    text,
  flow               text,
  call_id            text,
  facility_id        text,
  equipment_id       text
);
CREATE INDEX container_event_time_brin ON container_event USING brin (time);
CREATE INDEX container_event_container ON container_event (container_number, time DESC);
CREATE INDEX container_event_call ON container_event (call_id, time) WHERE call_id IS NOT NULL;
CREATE INDEX container_event_equipment ON container_event (equipment_id, time) WHERE equipment_id IS NOT NULL;

-- DCSA JIT port-call timestamps (ETA-Berth, ATA-Anchorage, ATA-Berth, ATD-Berth, ...).
CREATE TABLE port_call_event (
  time           timestamptz NOT NULL,
  event_id       text NOT NULL,
  call_id        text NOT NULL,
  timestamp_code text NOT NULL,
  vessel_imo     text NOT NULL,
  vessel_name    text,
  mmsi           text,
  berth_id       text,
  planned_moves  integer
);
CREATE INDEX port_call_event_time_brin ON port_call_event USING brin (time);
CREATE INDEX port_call_event_call ON port_call_event (call_id, time);

CREATE TABLE gate_event (
  time             timestamptz NOT NULL,
  event_id         text NOT NULL,
  gate_id          text NOT NULL,
  lane_id          text NOT NULL,
  direction        text NOT NULL,
  phase            text NOT NULL,
  visit_id         text NOT NULL,
  truck_id         text NOT NULL,
  container_number text,
  appointment_id   text
);
CREATE INDEX gate_event_time_brin ON gate_event USING brin (time);
CREATE INDEX gate_event_visit ON gate_event (visit_id, time);
CREATE INDEX gate_event_lane ON gate_event (lane_id, time);

CREATE TABLE inspection_event (
  time             timestamptz NOT NULL,
  event_id         text NOT NULL,
  lane_id          text NOT NULL,
  container_number text NOT NULL,
  method           text NOT NULL,
  phase            text NOT NULL,
  outcome          text
);
CREATE INDEX inspection_event_time_brin ON inspection_event USING brin (time);
CREATE INDEX inspection_event_lane ON inspection_event (lane_id, time);
CREATE INDEX inspection_event_container ON inspection_event (container_number, time);

CREATE TABLE customs_event (
  time             timestamptz NOT NULL,
  event_id         text NOT NULL,
  declaration_id   text NOT NULL,
  container_number text NOT NULL,
  status           text NOT NULL,
  channel          text NOT NULL,
  aeo              boolean NOT NULL
);
CREATE INDEX customs_event_time_brin ON customs_event USING brin (time);
CREATE INDEX customs_event_container ON customs_event (container_number, time);

CREATE TABLE equipment_state_event (
  time         timestamptz NOT NULL,
  event_id     text NOT NULL,
  equipment_id text NOT NULL,
  kind         text NOT NULL,
  state        text NOT NULL,
  reason       text,
  call_id      text
);
CREATE INDEX equipment_state_event_time_brin ON equipment_state_event USING brin (time);
CREATE INDEX equipment_state_event_equipment ON equipment_state_event (equipment_id, time);

-- Vessels as AIS and events describe them. Dimensions from the AIS reference point.
CREATE TABLE vessel (
  mmsi         text PRIMARY KEY,
  imo          text,
  name         text,
  call_sign    text,
  ship_type    integer,
  to_bow_m     double precision,
  to_stern_m   double precision,
  to_port_m    double precision,
  to_starboard_m double precision,
  draught_m    double precision,
  destination  text,
  eta          timestamptz,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX vessel_imo ON vessel (imo) WHERE imo IS NOT NULL;

CREATE TABLE vessel_position (
  time         timestamptz      NOT NULL,
  mmsi         text             NOT NULL,
  lon          double precision NOT NULL,
  lat          double precision NOT NULL,
  sog_knots    double precision,
  cog_deg      double precision,
  heading_deg  double precision,
  nav_status   smallint,
  CONSTRAINT vessel_position_vessel_time UNIQUE (mmsi, time)
);
CREATE INDEX vessel_position_time_brin ON vessel_position USING brin (time);

-- The port model's objects (berths, blocks, lanes, ...), refreshed from the model in use
-- at every start, so SQL can join events to the places they happened.
CREATE TABLE port_object (
  id         text PRIMARY KEY,
  kind       text NOT NULL,
  name       text,
  properties jsonb NOT NULL,
  geometry   jsonb NOT NULL
);
