import type { RoleName } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: RoleName;
  }
  interface Session {
    user: { id: number; role: RoleName; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: number;
    role?: RoleName;
  }
}
