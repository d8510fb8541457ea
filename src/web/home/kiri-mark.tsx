/** Kiri the kite, drawn inline so the first paint needs no extra request. Decorative. */
export function KiriMark() {
  return (
    <svg class="kiri" viewBox="0 0 120 150" aria-hidden="true" focusable="false">
      <path
        d="M60 6 106 56 60 106 14 56Z"
        fill="#ffb347"
        stroke="#1b2a4a"
        stroke-width="6"
        stroke-linejoin="round"
      />
      <circle cx="46" cy="54" r="5" fill="#1b2a4a" />
      <circle cx="74" cy="54" r="5" fill="#1b2a4a" />
      <path
        d="M48 70q12 10 24 0"
        fill="none"
        stroke="#1b2a4a"
        stroke-width="5"
        stroke-linecap="round"
      />
      <path
        d="M60 106c-10 10 10 16 0 26s10 14 0 18"
        fill="none"
        stroke="#1b2a4a"
        stroke-width="4"
        stroke-linecap="round"
      />
    </svg>
  );
}
