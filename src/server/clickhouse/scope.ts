// The scope of an analytics query, written once for every feature that reads ClickHouse: a unit with
// all its sub-units (or the whole region), and for request facts a service. The SQL fragments take the
// parameters {unit:String} and {service:String} ('' for all).

export interface Scope {
  /** A unit and all its sub-units; undefined: the whole region. */
  unitId?: string;
  /** Request KPIs only. */
  serviceTypeId?: string;
}

/** Units in scope, from ClickHouse's own copy of the unit tree (each unit keeps its ancestors in `path`). */
export const UNIT_FILTER = `({unit:String} = '' OR unit_id IN (
  SELECT unit_id FROM dim_unit GROUP BY unit_id HAVING has(argMax(path, version), {unit:String})))`;
export const SERVICE_FILTER = `({service:String} = '' OR service_type_id = {service:String})`;
