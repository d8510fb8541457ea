// Sample documents used by the PDF tests, the bench and previews: a typical one-page
// worksheet in English and in Khmer, plus short Thai and Myanmar documents. They exercise
// every block type; they are not curriculum content.

import type { PdfDocumentModel } from './model';

/** Khmer strings whose shaping is easy to get wrong (subscripts, pre-base vowels, ុំ, ្រ). */
export const KHMER_SAMPLES = ['ភាសាខ្មែរ ស្ត្រី ព្យូទ័រ សិស្ស', 'ខ្ញុំ ធំ កុំព្យូទ័រ ក្រុមហ៊ុន', 'ក្រុម គ្រូបង្រៀន'] as const;

/** A Khmer paragraph long enough to wrap; most of it has no spaces between words. */
export const KHMER_PARAGRAPH =
  'នៅពេលអ្នកប្រើអ៊ីនធឺណិត សូមរក្សាពាក្យសម្ងាត់របស់អ្នកជាការសម្ងាត់ ' +
  'ហើយកុំចែករំលែកវាជាមួយនរណាម្នាក់ក្រៅពីឪពុកម្តាយ ឬអ្នកថែទាំរបស់អ្នក។ ' +
  'ប្រសិនបើមាននរណាម្នាក់សរសេរមកអ្នកនូវពាក្យដែលធ្វើឱ្យអ្នកមិនសប្បាយចិត្ត ' +
  'សូមប្រាប់មនុស្សពេញវ័យដែលអ្នកទុកចិត្តភ្លាមៗ។ ' +
  'ការគោរពអ្នកដទៃនៅលើបណ្តាញគឺដូចគ្នានឹងការគោរពពួកគេនៅក្នុងថ្នាក់រៀនដែរ។';

export const THAI_SAMPLE = 'ภาษาไทย ที่นี่ น้ำ สวัสดี ญี่ปุ่น';
export const THAI_SENTENCE = 'ใช้อินเทอร์เน็ตอย่างปลอดภัยและสุภาพกับทุกคนที่คุณพบทางออนไลน์เสมอ';

export const MYANMAR_SAMPLE = 'မြန်မာဘာသာ စကား';
export const MYANMAR_SENTENCE = 'အင်တာနက်ကို ဘေးကင်းစွာ အသုံးပြုပါ။';

export function englishWorksheet(overrides: Partial<PdfDocumentModel> = {}): PdfDocumentModel {
  return {
    pageSize: 'a4',
    lang: 'en',
    title: 'Strong passwords',
    footer: 'Need help? Talk to an adult you trust, or call a child helpline.',
    pageNumbers: true,
    blocks: [
      { type: 'heading', level: 1, text: 'Strong passwords' },
      { type: 'nameLine', labels: ['Name:', 'Class:'] },
      {
        type: 'paragraph',
        text:
          'A password is like the key to your house. A strong password is long, hard to guess ' +
          'and used for one account only. Read each question and answer it on your own.',
      },
      { type: 'heading', level: 2, text: 'Remember' },
      {
        type: 'list',
        items: [
          'Use three or more random words.',
          'Never share your password with friends.',
          'Tell a trusted adult if something online worries you.',
        ],
      },
      { type: 'rule' },
      {
        type: 'question',
        number: 1,
        prompt: 'Why should you not use the same password everywhere?',
        answer: {
          kind: 'lines',
          count: 3,
          sampleAnswer: 'If one account is hacked, the others stay safe.',
        },
      },
      {
        type: 'question',
        number: 2,
        prompt: 'Which of these is the strongest password?',
        answer: {
          kind: 'choices',
          options: [
            { label: 'password1' },
            { label: 'your name and birthday' },
            { label: 'purple-tractor-sings-loudly', correct: true },
          ],
        },
      },
      {
        type: 'question',
        number: 3,
        prompt: 'Match each word to its meaning.',
        answer: {
          kind: 'matching',
          left: ['Password', 'Username', 'Account'],
          right: ['The name others see', 'Your space on a website', 'A secret that lets you in'],
          answers: [2, 0, 1],
        },
      },
      {
        type: 'question',
        number: 4,
        prompt: 'Draw a lock that keeps your secrets safe.',
        answer: { kind: 'drawing', size: 'small' },
      },
    ],
    ...overrides,
  };
}

export function khmerWorksheet(overrides: Partial<PdfDocumentModel> = {}): PdfDocumentModel {
  return {
    pageSize: 'a4',
    lang: 'km',
    title: 'ពាក្យសម្ងាត់ខ្លាំង',
    footer: 'ត្រូវការជំនួយ? និយាយជាមួយមនុស្សពេញវ័យដែលអ្នកទុកចិត្ត។ Kite ខ្មែរ',
    pageNumbers: true,
    blocks: [
      { type: 'heading', level: 1, text: KHMER_SAMPLES[0] },
      { type: 'nameLine', labels: ['ឈ្មោះ៖', 'ថ្នាក់៖'] },
      { type: 'paragraph', text: KHMER_SAMPLES[1] },
      { type: 'paragraph', text: KHMER_SAMPLES[2] },
      { type: 'paragraph', text: KHMER_PARAGRAPH },
      { type: 'heading', level: 2, text: 'ចងចាំ' },
      {
        type: 'list',
        items: ['កុំចែករំលែកពាក្យសម្ងាត់។', 'ប្រាប់មនុស្សពេញវ័យដែលអ្នកទុកចិត្ត។'],
      },
      {
        type: 'question',
        number: 1,
        prompt: 'ហេតុអ្វីបានជាយើងមិនគួរចែករំលែកពាក្យសម្ងាត់?',
        answer: { kind: 'lines', count: 2, sampleAnswer: 'ព្រោះវាជាការសម្ងាត់របស់យើង។' },
      },
      {
        type: 'question',
        number: 2,
        prompt: 'តើពាក្យសម្ងាត់មួយណាខ្លាំងជាងគេ?',
        answer: {
          kind: 'choices',
          options: [
            { label: '123456' },
            { label: 'ឈ្មោះរបស់ខ្ញុំ' },
            { label: 'ដំរី-ពណ៌ស្វាយ-ច្រៀង', correct: true },
          ],
        },
      },
      {
        type: 'question',
        number: 3,
        prompt: 'គូររូបសោមួយ។',
        answer: { kind: 'drawing', size: 'small' },
      },
    ],
    ...overrides,
  };
}

export function thaiDocument(): PdfDocumentModel {
  return {
    pageSize: 'a4',
    lang: 'th',
    title: THAI_SAMPLE,
    blocks: [
      { type: 'heading', level: 1, text: THAI_SAMPLE },
      { type: 'paragraph', text: THAI_SENTENCE },
    ],
  };
}

export function myanmarDocument(): PdfDocumentModel {
  return {
    pageSize: 'a4',
    lang: 'my',
    title: MYANMAR_SAMPLE,
    blocks: [
      { type: 'heading', level: 1, text: MYANMAR_SAMPLE },
      { type: 'paragraph', text: MYANMAR_SENTENCE },
    ],
  };
}
