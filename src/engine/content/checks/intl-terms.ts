import { parseText } from '../../text/placeholders';
import type { IssueSink } from '../issues';
import type { FoundText } from '../walk';

/**
 * Words that name a UK- or US-only institution, school role or custom. Content is written for
 * every country: such words come from the country pack (`{term:…}`, `{helpline}`, `{hotline}`)
 * or are replaced with neutral words. Matched case-insensitively on whole words, outside
 * placeholders. Extend the list when a review finds another one.
 */
export const NATIONAL_TERMS: readonly { readonly pattern: RegExp; readonly use: string }[] = [
  { pattern: /\byear (?:[1-9]|1[0-3])\b/i, use: 'an age ("14-year-olds") or {term:school-year}' },
  { pattern: /\byear groups?\b/i, use: '{term:school-year} or "your class"' },
  { pattern: /\b(?:\d+(?:st|nd|rd|th)|first|second|third) grade(?:rs?)?\b/i, use: 'an age' },
  {
    pattern: /\b(?:freshman|sophomore|sixth form|form tutor|head of year)\b/i,
    use: 'neutral words ("your teacher")',
  },
  { pattern: /\bdesignated safeguarding lead\b/i, use: '{term:safeguarding-lead}' },
  { pattern: /\bhealth visitors?\b/i, use: '{term:health-visitor}' },
  { pattern: /\bspelling tests?\b/i, use: '"a test" or "a quiz"' },
  { pattern: /\bsports day\b/i, use: '"a sports event" or "a race at school"' },
  { pattern: /\b(?:school )?jumpers?\b/i, use: '{term:school-top} or "school uniform"' },
  { pattern: /\b(?:after|before|at|for) tea\b/i, use: '"after dinner"' },
  { pattern: /\b(?:at|after|before) break\b|\bbreak ?time\b/i, use: '{term:school-break}' },
  { pattern: /\brecess\b/i, use: '{term:school-break}' },
  {
    pattern: /\b(?:GCSEs?|A-levels?|SATs|Ofsted|PSHE|KCSIE)\b/i,
    use: 'neutral words ("exams", "the school")',
  },
  {
    pattern: /\b(?:NSPCC|Childline|CEOP|IWF|NCMEC|CyberTipline|FBI|Ofcom)\b/i,
    use: '{helpline} or {hotline}; name national services only in their country pack',
  },
  {
    // The service's name, not the everyday phrase "take it down".
    pattern: /\bTake It Down\b/,
    use: '{hotline}, and name the service only in its country pack',
  },
  {
    pattern: /\b(?:999|911|111)\b/,
    use: '"your local emergency number"; numbers live in the country pack',
  },
];

/**
 * `intl-term`: no text in a pack (activities, guides, challenges, topics) names a UK- or
 * US-only institution or term from {@link NATIONAL_TERMS} outside its placeholders.
 */
export function checkIntlTerms(file: string, texts: readonly FoundText[], sink: IssueSink): void {
  for (const t of texts) {
    const literal = parseText(t.text)
      .parts.map((p) => (typeof p === 'string' ? p : ' '))
      .join('');
    for (const { pattern, use } of NATIONAL_TERMS) {
      const m = pattern.exec(literal);
      if (m !== null)
        sink.add(
          'intl-term',
          file,
          `${t.path}.text`,
          `"${m[0]}" is a national term; content is for every country: use ${use}`,
        );
    }
  }
}
