-- Equipment recovered from a disconnected client goes back to stock and may be assigned again: the
-- assignment keeps its row, with the day it ended.
ALTER TABLE client_equipment ADD COLUMN returned_at timestamptz;
DROP INDEX client_equipment_equipment_once;
CREATE UNIQUE INDEX client_equipment_equipment_once ON client_equipment (equipment_id) WHERE returned_at IS NULL;
