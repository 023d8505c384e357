-- Survey responses (SKM). The scores never change after submission, so responses load append-only by
-- (createdAt, id) with deduplication tokens, like request events; the contact never leaves the
-- relational store. Rollup per unit, service and day: respondents and the sum of each element's scores,
-- from which IKM is computed for any period (ikmFromSums).

CREATE TABLE IF NOT EXISTS fact_survey_response
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    service_point_id LowCardinality(String),
    response_id String,
    day Date,
    channel LowCardinality(String),
    age_group LowCardinality(String),
    gender LowCardinality(String),
    education LowCardinality(String),
    occupation LowCardinality(String),
    u1 UInt8, u2 UInt8, u3 UInt8, u4 UInt8, u5 UInt8, u6 UInt8, u7 UInt8, u8 UInt8, u9 UInt8,
    has_suggestion UInt8,
    is_complaint UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, service_type_id, day, response_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS rollup_survey_daily
(
    region_id LowCardinality(String),
    unit_id LowCardinality(String),
    service_type_id LowCardinality(String),
    day Date,
    respondents SimpleAggregateFunction(sum, UInt64),
    u1 SimpleAggregateFunction(sum, UInt64),
    u2 SimpleAggregateFunction(sum, UInt64),
    u3 SimpleAggregateFunction(sum, UInt64),
    u4 SimpleAggregateFunction(sum, UInt64),
    u5 SimpleAggregateFunction(sum, UInt64),
    u6 SimpleAggregateFunction(sum, UInt64),
    u7 SimpleAggregateFunction(sum, UInt64),
    u8 SimpleAggregateFunction(sum, UInt64),
    u9 SimpleAggregateFunction(sum, UInt64),
    complaints SimpleAggregateFunction(sum, UInt64),
    suggestions SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region_id, unit_id, service_type_id, day)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_survey_daily TO rollup_survey_daily AS
SELECT
    region_id, unit_id, service_type_id, day,
    toUInt64(count()) AS respondents,
    toUInt64(sum(u1)) AS u1, toUInt64(sum(u2)) AS u2, toUInt64(sum(u3)) AS u3,
    toUInt64(sum(u4)) AS u4, toUInt64(sum(u5)) AS u5, toUInt64(sum(u6)) AS u6,
    toUInt64(sum(u7)) AS u7, toUInt64(sum(u8)) AS u8, toUInt64(sum(u9)) AS u9,
    toUInt64(sum(is_complaint)) AS complaints,
    toUInt64(sum(has_suggestion)) AS suggestions
FROM fact_survey_response
GROUP BY region_id, unit_id, service_type_id, day;
