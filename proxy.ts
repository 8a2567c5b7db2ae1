import { withAuth } from "next-auth/middleware";
import { decodeSessionToken } from "@/lib/auth/session-token";

// First line of defence only: every page, action and API route checks the session itself. Its one
// job is to send an anonymous visitor to the login page with the way back (callbackUrl). So it runs
// only for requests WITHOUT a session cookie: a signed-in user's pages skip it entirely (the page's
// own check verifies the cookie anyway), and a present but invalid cookie still ends on the login
// page through that check. Where it runs, the cookie is read with next-auth's own rules.
export default withAuth({ pages: { signIn: "/login" }, jwt: { decode: decodeSessionToken } });

// Static on purpose: Next reads this object at build time (no variables, no .map()).
export const config = {
  matcher: [
    { source: "/inbox/:path*", missing: [{ type: "cookie", key: "next-auth.session-token" }, { type: "cookie", key: "__Secure-next-auth.session-token" }] },
    { source: "/alerts/:path*", missing: [{ type: "cookie", key: "next-auth.session-token" }, { type: "cookie", key: "__Secure-next-auth.session-token" }] },
    { source: "/region/:path*", missing: [{ type: "cookie", key: "next-auth.session-token" }, { type: "cookie", key: "__Secure-next-auth.session-token" }] },
    { source: "/admin/:path*", missing: [{ type: "cookie", key: "next-auth.session-token" }, { type: "cookie", key: "__Secure-next-auth.session-token" }] },
  ],
};
