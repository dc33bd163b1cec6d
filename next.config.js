/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (e.g. several end-to-end servers) each get their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WebAssembly and data files next to its own module: keep it unbundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'bcryptjs', 'pg-boss'],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; not twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
