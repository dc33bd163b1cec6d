/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (e.g. several end-to-end servers) each get their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WebAssembly and data files next to its own module, pdfkit its font metrics
  // (data/*.afm) next to its own: keep them unbundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'bcryptjs', 'pdfkit'],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; not twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
