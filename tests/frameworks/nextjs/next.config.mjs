// Static export: `next build` writes every page as HTML into out/, where the test reads it.
/** @type {import('next').NextConfig} */
const nextConfig = { output: "export" };
export default nextConfig;
