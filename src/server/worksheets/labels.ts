// The few fixed words printed on worksheets, challenge cards and guides, per language. Content
// supplies everything else. A language missing here prints these labels in English. The Khmer
// labels were written by the team, not by a native speaker: have them reviewed with the first
// Khmer content.

export interface PrintLabels {
  name: string;
  date: string;
  className: string;
  goal: string;
  answerKey: string;
  answerKeyNote: string;
  forAdults: string;
  needHelp: string;
  /** Before the routes to report abuse, in adults' footers. */
  toReport: string;
  /** After a helpline a coordinator has not confirmed yet (adults' documents only). */
  toVerify: string;
  worksheet: string;
  steps: string;
  minutes: (n: number) => string;
  challengeFor: Record<'child' | 'family' | 'class', string>;
  ages: (band: string) => string;
  guideFor: Record<'parents' | 'teachers', string>;
  guideSections: {
    risk: string;
    practises: string;
    conversationStarters: string;
    settingsChecklist: string;
    inClass: string;
    ifSomethingHappened: string;
    adapting: string;
  };
}

const EN: PrintLabels = {
  name: 'Name:',
  date: 'Date:',
  className: 'Class:',
  goal: 'Goal:',
  answerKey: 'Answer key',
  answerKeyNote: 'For adults: this copy shows the answers. Give children the copy without answers.',
  forAdults: 'For adults:',
  needHelp: 'Need help? Talk to an adult you trust, or contact',
  toReport: 'To report abuse:',
  toVerify: '(to verify)',
  worksheet: 'Worksheet',
  steps: 'Steps',
  minutes: (n) => `About ${n} minutes`,
  challengeFor: {
    child: 'A challenge for you',
    family: 'A family challenge',
    class: 'A class challenge',
  },
  ages: (band) => `Ages ${band.replace('-', ' to ')}`,
  guideFor: { parents: 'For parents and carers', teachers: 'For teachers' },
  guideSections: {
    risk: 'What the risk is',
    practises: 'What your child practises',
    conversationStarters: 'Conversation starters',
    settingsChecklist: 'Settings checklist',
    inClass: 'In class',
    ifSomethingHappened: 'If something happened',
    adapting: 'Adapting for children with disabilities or special educational needs',
  },
};

const KM: PrintLabels = {
  ...EN,
  name: 'ឈ្មោះ៖',
  date: 'កាលបរិច្ឆេទ៖',
  className: 'ថ្នាក់៖',
  goal: 'គោលដៅ៖',
  answerKey: 'ចម្លើយ',
  answerKeyNote: 'សម្រាប់មនុស្សពេញវ័យ៖ ច្បាប់នេះមានចម្លើយ។ សូមឱ្យកុមារនូវច្បាប់ដែលគ្មានចម្លើយ។',
  forAdults: 'សម្រាប់មនុស្សពេញវ័យ៖',
  needHelp: 'ត្រូវការជំនួយ? និយាយជាមួយមនុស្សពេញវ័យដែលអ្នកទុកចិត្ត ឬទាក់ទង',
  // Needs a check by a Khmer speaker.
  toReport: 'ដើម្បីរាយការណ៍ការរំលោភបំពាន៖',
  toVerify: '(ត្រូវផ្ទៀងផ្ទាត់)',
  worksheet: 'សន្លឹកកិច្ចការ',
  steps: 'ជំហាន',
  minutes: (n) => `ប្រហែល ${n} នាទី`,
  challengeFor: {
    child: 'បញ្ហាប្រឈមសម្រាប់អ្នក',
    family: 'បញ្ហាប្រឈមសម្រាប់គ្រួសារ',
    class: 'បញ្ហាប្រឈមសម្រាប់ថ្នាក់',
  },
  ages: (band) => `អាយុ ${band.replace('-', ' ដល់ ')} ឆ្នាំ`,
  guideFor: { parents: 'សម្រាប់ឪពុកម្តាយ និងអ្នកថែទាំ', teachers: 'សម្រាប់គ្រូបង្រៀន' },
  guideSections: {
    risk: 'ហានិភ័យគឺជាអ្វី',
    practises: 'អ្វីដែលកូនរបស់អ្នកហាត់រៀន',
    conversationStarters: 'សំណួរចាប់ផ្តើមការសន្ទនា',
    settingsChecklist: 'បញ្ជីពិនិត្យការកំណត់',
    inClass: 'នៅក្នុងថ្នាក់',
    ifSomethingHappened: 'ប្រសិនបើមានអ្វីកើតឡើង',
    // Needs a check by a Khmer speaker.
    adapting: 'ការសម្របសម្រួលសម្រាប់កុមារពិការ ឬកុមារដែលមានតម្រូវការអប់រំពិសេស',
  },
};

const LABELS: Readonly<Record<string, PrintLabels>> = { en: EN, km: KM };

/** The labels of `lang` (its primary subtag), English when there are none. */
export function printLabels(lang: string): PrintLabels {
  return LABELS[lang] ?? LABELS[lang.split('-')[0] ?? ''] ?? EN;
}
