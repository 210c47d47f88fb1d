// SELECTs sent by one database user, from MariaDB's user statistics (`userstat`, switched on by
// scripts/test-db.sh). Unlike the server-wide Com_select, other clients of a shared MariaDB
// (another test run, another user) do not move it. `SHOW USER_STATISTICS` is not a SELECT, so
// reading it adds nothing. The reader needs PROCESS, which scripts/test-db.sh grants its users.
import type { RowDataPacket } from "mysql2/promise";

export interface Queryable {
  query<T extends RowDataPacket[]>(sql: string): Promise<[T, unknown]>;
}

/** Select_commands of `user` so far (0 before its first statement is recorded). */
export async function userSelects(db: Queryable, user: string): Promise<number> {
  const [rows] = await db.query<RowDataPacket[]>("SHOW USER_STATISTICS");
  const row = rows.find((r) => r.User === user);
  return row === undefined ? 0 : Number(row.Select_commands);
}
