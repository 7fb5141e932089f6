import type { Metadata } from "next";
import type { ReactNode } from "react";

// A site-wide title template and description, as most sites have: the article pages'
// metadata from seo-export must replace them, not add a second title or description.
export const metadata: Metadata = {
  title: { template: "%s | Eksempel Fysio", default: "Eksempel Fysio" },
  description: "Eksempel Fysio: artikler om fysioterapi.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="da">
      <body>{children}</body>
    </html>
  );
}
