import { NextResponse } from "next/server";
import { withApiAuth } from "@/lib/api/route-auth";

export const dynamic = "force-dynamic";

export const GET = withApiAuth("api.read", async (_request, { actor }) =>
  NextResponse.json({
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    delegateId: actor.delegateId,
    regionCodes: actor.regionCodes,
  }),
);
