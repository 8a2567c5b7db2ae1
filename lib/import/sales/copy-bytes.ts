// COPY … FROM STDIN of bytes already encoded as COPY text lines (lib/db/copy-writer.ts takes
// strings; the sales writer builds its lines in byte buffers). On the server's error it stops and
// leaves the connection idle, ready for a ROLLBACK TO SAVEPOINT.
//
// The bytes go to the socket in one write: the operating system and libuv then feed the server on
// their own, while Node parses the next chunk. Writing pieces one 'drain' after another made every
// piece wait for a pause in the parsing, and left the database idle meanwhile.
import { once } from "node:events";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

export async function copyBytes(client: PoolClient, sql: string, bytes: Buffer): Promise<void> {
  const stream = client.query(copyFrom(sql));
  let failure: Error | undefined;
  stream.on("error", (error: Error) => {
    failure = error;
  });
  // One write, so pg-copy-streams never queues a second piece behind a full socket: after a server
  // error it would still try to send it on a connection it has let go of.
  if (!stream.write(bytes)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
  if (!failure) {
    stream.end();
    await Promise.race([once(stream, "finish"), once(stream, "error")]);
  }
  if (failure) throw failure;
}
