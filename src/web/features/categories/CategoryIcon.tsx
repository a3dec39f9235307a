import type { SVGProps } from "react";

/** A small tree of three nodes, for the navigation (drawn like the icons of components/icons.tsx). */
export function CategoryIcon({ size = 18, ...props }: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      <rect x="3" y="3" width="7" height="6" rx="1.5" />
      <rect x="14" y="10" width="7" height="5" rx="1.5" />
      <rect x="14" y="17" width="7" height="5" rx="1.5" />
      <path d="M6.5 9v10.5H14M6.5 12.5H14" />
    </svg>
  );
}
