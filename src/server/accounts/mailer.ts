// Mail: through SMTP when the deployment has it (KITE_SMTP_URL), printed to the console in
// development (KITE_DEV_MAIL=console, refused in production by the config), or none at all —
// then accounts wait for an admin's approval and resets go through the CLI. A mail's text
// (which may hold a one-time link) never goes to the JSON log.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { z } from 'zod';

export type MailKind =
  | 'verify_email'
  | 'signup_taken'
  | 'reset_password'
  | 'invite'
  | 'industry_deadline'
  | 'industry_overdue'
  | 'industry_publication';

export interface Mail {
  readonly to: string;
  readonly kind: MailKind;
  /** Values for the text's `{name}` placeholders. */
  readonly values: Readonly<Record<string, string>>;
}

export interface Mailer {
  /** Whether mail reaches people (SMTP or the development console). */
  readonly delivers: boolean;
  send(mail: Mail): Promise<void>;
}

const KINDS: readonly MailKind[] = [
  'verify_email',
  'signup_taken',
  'reset_password',
  'invite',
  'industry_deadline',
  'industry_overdue',
  'industry_publication',
];

/** The texts of every mail: `<kind>.subject` and `<kind>.body`, from `content/mail/<lang>.json`. */
export type MailTexts = Readonly<Record<string, string>>;

const MailTextsSchema = z.strictObject(
  Object.fromEntries(
    KINDS.flatMap((k) => [
      [`${k}.subject`, z.string().min(1).max(200)],
      [`${k}.body`, z.string().min(1).includes('{link}')],
    ]),
  ),
);

/** A mail-text file that is missing or wrong; the message names the file and the key. */
export class MailTextsError extends Error {
  override readonly name = 'MailTextsError';
}

/** Reads and checks `<contentDir>/mail/en.json`. */
export function loadMailTexts(contentDir = 'content'): MailTexts {
  const file = join(contentDir, 'mail', 'en.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MailTextsError(`${file}: ${(e as Error).message}`);
  }
  const parsed = MailTextsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MailTextsError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as MailTexts;
}

let defaultTexts: MailTexts | undefined;

/** The subject and body of a mail, placeholders filled. */
export function renderMail(mail: Mail, texts?: MailTexts): { subject: string; text: string } {
  const t = texts ?? (defaultTexts ??= loadMailTexts());
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => mail.values[k] ?? m);
  return { subject: fill(t[`${mail.kind}.subject`]!), text: fill(t[`${mail.kind}.body`]!) };
}

export const noMailer: Mailer = { delivers: false, send: async () => {} };

/** Development: the mail, framed, on `out` (stdout by default) — never the JSON log. */
export function consoleMailer(
  out: NodeJS.WritableStream = process.stdout,
  texts?: MailTexts,
): Mailer {
  return {
    delivers: true,
    async send(mail) {
      const { subject, text } = renderMail(mail, texts);
      out.write(
        `\n----- mail (KITE_DEV_MAIL=console) -----\nTo: ${mail.to}\nSubject: ${subject}\n\n${text}\n----- end of mail -----\n`,
      );
    },
  };
}

export function smtpMailer(url: string, from: string, texts?: MailTexts): Mailer {
  const transport = createTransport(url);
  return {
    delivers: true,
    async send(mail) {
      const { subject, text } = renderMail(mail, texts);
      await transport.sendMail({ from, to: mail.to, subject, text });
    },
  };
}
