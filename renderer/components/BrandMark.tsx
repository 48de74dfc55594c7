/** The app's mark: a ballot, marked ○, going into the box. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect x="18" y="6" width="28" height="30" rx="2" fill="#fff" />
      <circle cx="32" cy="19" r="7" fill="none" stroke="#a8201a" strokeWidth="3" />
      <rect x="6" y="30" width="52" height="28" rx="3" fill="#fff" />
      <rect x="14" y="30" width="36" height="4" fill="#8e1b16" />
      <rect x="24" y="44" width="16" height="3" rx="1.5" fill="#8e1b16" />
    </svg>
  );
}
