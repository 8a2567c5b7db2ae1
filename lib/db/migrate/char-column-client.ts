// A pg Client that lets @prisma/adapter-pg read Postgres' internal `"char"` type.
//
// The schema engine's catalog queries return `"char"` columns (pg_constraint.contype,
// pg_class.relkind, …; type OID 18). adapter-pg has no mapping for OID 18 and fails with
// `Column type 'char' could not be deserialized`; relabelling the column as text is not enough,
// because the engine then panics reading `constraint_type` "as char" (STACK.md §3.2, pitfall 2).
// The engine wants ColumnTypeEnum.Character. adapter-pg builds its column types from the pg
// result, which we cannot reach, so this client:
//   1. relabels OID-18 fields as text so adapter-pg accepts the result, and
//   2. remembers which columns they were, keyed by the result's `rows` array — adapter-pg hands
//      that same array back from queryRaw, where `markCharColumns` restores the Character type.
import { ColumnTypeEnum, type SqlResultSet } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

const charColumnsByRows = new WeakMap<unknown[], number[]>();

interface PgResultLike {
  fields?: { dataTypeID: number }[];
  rows?: unknown[];
}

function relabelCharFields<T>(result: T): T {
  for (const one of Array.isArray(result) ? (result as PgResultLike[]) : [result as PgResultLike]) {
    if (!one?.fields || !one.rows) continue;
    const charColumns: number[] = [];
    one.fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) charColumnsByRows.set(one.rows, charColumns);
  }
  return result;
}

/** Restores ColumnTypeEnum.Character on the columns that `CharColumnClient` relabelled. */
export function markCharColumns(resultSet: SqlResultSet): SqlResultSet {
  const charColumns = charColumnsByRows.get(resultSet.rows);
  if (!charColumns) return resultSet;
  const columnTypes = [...resultSet.columnTypes];
  for (const index of charColumns) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...resultSet, columnTypes };
}

type QueryCallback = (error: Error | null, result: unknown) => void;

export class CharColumnClient extends pg.Client {
  // pg's overloads (promise, callback, submittable) all funnel through here: pg.Pool calls it with
  // a callback, a pooled transaction client without one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      const done = callback as QueryCallback;
      return super.query(config, values, (error: Error | null, result: unknown) =>
        done(error, error ? result : relabelCharFields(result)),
      );
    }
    return (super.query(config, values) as Promise<unknown>).then(relabelCharFields);
  }
}
