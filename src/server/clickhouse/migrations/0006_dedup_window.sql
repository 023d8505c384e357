-- A chunk that spans many monthly partitions (a ten-year export is 113) becomes one block per partition, each
-- with its own deduplication id: the window of ids kept must hold every block of the chunks a run repeats after a
-- crash (the batch's chunks since the first), so it is ten times what it was.

ALTER TABLE fact_request_event MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE fact_request_done MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE fact_attendance MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE fact_ekinerja MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE rollup_request_daily MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE rollup_request_stage_daily MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE rollup_attendance_daily MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE rollup_ekinerja_daily MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE fact_survey_response MODIFY SETTING non_replicated_deduplication_window = 100000;

ALTER TABLE rollup_survey_daily MODIFY SETTING non_replicated_deduplication_window = 100000;

