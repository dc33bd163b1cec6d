/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files next to its own module: keep it unbundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'bcryptjs'],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
