-- "History of X" for the console's search and details: a container's gate visits (the
-- other event tables already have their container or entity index).
CREATE INDEX gate_event_container ON gate_event (container_number, time)
  WHERE container_number IS NOT NULL;
