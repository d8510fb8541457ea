// gettext-parser 10 ships no types; this declares the part Kite uses (src/content/i18n/po.ts).
declare module 'gettext-parser' {
  export interface PoComments {
    translator?: string;
    extracted?: string;
    reference?: string;
    flag?: string;
    previous?: string;
  }
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: PoComments;
  }
  export interface PoTable {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
    obsolete?: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    parse(
      input: string | Buffer,
      options?: { defaultCharset?: string; validation?: boolean },
    ): PoTable;
    compile(
      table: PoTable,
      options?: { foldLength?: number; sort?: boolean; escapeCharacters?: boolean; eol?: string },
    ): Buffer;
  };
}
