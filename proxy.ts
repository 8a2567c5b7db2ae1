import { withAuth } from "next-auth/middleware";

// First line of defence only: every page, action and API route checks the session itself.
export default withAuth({ pages: { signIn: "/login" } });

export const config = { matcher: ["/inbox/:path*", "/alerts/:path*", "/region/:path*", "/admin/:path*"] };
