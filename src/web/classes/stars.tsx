import { ct } from './strings';

/** A topic's stars: filled and empty star shapes (hidden from screen readers) and "n/3". */
export function Stars({ mastered, of = 3 }: { mastered: number; of?: number }) {
  const filled = Math.max(0, Math.min(of, mastered));
  return (
    <span class="stars">
      <span aria-hidden="true">
        {'★'.repeat(filled)}
        <span class="star-empty">{'☆'.repeat(of - filled)}</span>
      </span>{' '}
      <span class="stars-n" title={ct('report.starsTitle', { n: filled, of })}>
        {`${filled}/${of}`}
      </span>
    </span>
  );
}
