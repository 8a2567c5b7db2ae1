// A few clients in known provinces, so pages have something to show and scoping can be checked.
import type { Db } from "../../lib/db/prisma";

export async function seedE2eWorld(db: Db): Promise<void> {
  await db.client.createMany({
    data: [
      { externalId: "280001", postalCode: "28001", provinceCode: "28" },
      { externalId: "280002", postalCode: "28040", provinceCode: "28" },
      { externalId: "080001", postalCode: "08001", provinceCode: "08" },
    ],
    skipDuplicates: true,
  });
}
