// The demo world for `npm start`: generated and imported once, when the database has no sales.
import type { Db } from "../../lib/db/prisma";

export async function ensureDemoWorld(db: Db, _url: string, log: (line: string) => void): Promise<void> {
  const lines = await db.salesLine.count();
  if (lines > 0) {
    log(`Datos presentes: ${lines.toLocaleString("es-ES")} líneas de venta.`);
    return;
  }
  log("La base de datos aún no tiene ventas: el mundo de demostración se cargará cuando el importador esté disponible.");
}
