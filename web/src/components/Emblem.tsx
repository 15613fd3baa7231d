/** The portal's mark: a globe with two arcs (a neutral device, not the SCO's official emblem). */
export function Emblem({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="19" fill="#ffffff" />
      <circle cx="20" cy="20" r="16.5" fill="none" stroke="#1a5fa3" strokeWidth="1.5" />
      <path
        d="M7 21.5c5-7.5 21-7.5 26 0"
        fill="none"
        stroke="#12b886"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <path
        d="M10 27c4.5-4.5 15.5-4.5 20 0"
        fill="none"
        stroke="#1a5fa3"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
      <circle cx="20" cy="12" r="3" fill="#1a5fa3" />
    </svg>
  );
}
