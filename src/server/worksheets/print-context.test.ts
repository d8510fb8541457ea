import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../content/catalogue';
import type { Catalogue } from '../../engine';
import { printContext } from './print-context';

// The printed footers of a Cambodian deployment, from the real content: children's documents
// name only confirmed helplines; adults' guides also list the entries still to verify, marked.

let catalogue: Catalogue;
beforeAll(async () => {
  const loaded = await loadCatalogue('content');
  if (loaded.errors.length) throw new Error('content/ has errors');
  catalogue = loaded.catalogue;
}, 60_000);

describe('print footers with KITE_COUNTRY=kh', () => {
  it('give children the confirmed national helpline and nothing still to verify', () => {
    const { footer } = printContext(catalogue, 'en', 'kh');
    expect(footer).toBe(
      'Need help? Talk to an adult you trust, or contact Child Helpline Cambodia (1280).',
    );
  });

  it('give adults every entry, each one still to verify marked, and the hotline directory', () => {
    const { adultFooter } = printContext(catalogue, 'en', 'kh');
    expect(adultFooter).toBe(
      'Need help? Talk to an adult you trust, or contact Child Helpline Cambodia (1280). ' +
        'To report abuse: Internet Hotline Cambodia (APLE) (092 311 511) (to verify), ' +
        'Police hotline (1288) (to verify), ' +
        "your country's reporting hotline (find it on INHOPE's map of hotlines): www.inhope.org/what-we-do/how-to-report.",
    );
  });

  it("are written in the language of the document, from the pack's translation", () => {
    const { footer, adultFooter } = printContext(catalogue, 'km', 'kh');
    expect(footer).toContain('ខ្សែទូរស័ព្ទជំនួយកុមារកម្ពុជា (1280)');
    expect(footer).not.toContain('ត្រូវផ្ទៀងផ្ទាត់');
    expect(adultFooter).toContain('ខ្សែទូរស័ព្ទអ៊ីនធឺណិតកម្ពុជា (APLE) (092 311 511) (ត្រូវផ្ទៀងផ្ទាត់)');
    expect(adultFooter).not.toContain('(to verify)');
  });

  it('are unchanged for the intl pack, whose entries are confirmed', () => {
    const ctx = printContext(catalogue, 'en', 'intl');
    expect(ctx.footer).toBe(
      "Need help? Talk to an adult you trust, or contact your country's child helpline (find it at Child Helpline International): childhelplineinternational.org/helplines.",
    );
    expect(ctx.adultFooter).not.toContain('to verify');
  });
});
