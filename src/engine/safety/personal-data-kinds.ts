/** What kind of personal data a hit is; a closed set, shown to adults as a reason. */
export const PERSONAL_DATA_KINDS = [
  'email',
  'url',
  'handle',
  'phone',
  'address',
  'birthday',
  'full_name',
  'school',
] as const;

/** One of {@link PERSONAL_DATA_KINDS}. */
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];
