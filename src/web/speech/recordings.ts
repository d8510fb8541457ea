import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Text } from '../../engine';

/**
 * The pack's recordings of a text in the current language: its URLs, or none. Texts with
 * country placeholders have none (the words differ per country). The Play page provides it;
 * players ask it for the speaker of each answer, card and step.
 */
export type RecordingsOf = (tx: Text) => readonly string[];

export const RecordingsContext = createContext<RecordingsOf>(() => []);

export function useRecordings(): RecordingsOf {
  return useContext(RecordingsContext);
}

/** A {@link RecordingsOf} over an audio index (content id → URL). */
export function recordingsFrom(index: Readonly<Record<string, string>>): RecordingsOf {
  return (tx) => {
    if (tx.text.includes('{')) return [];
    const url = index[tx.id];
    return url ? [url] : [];
  };
}
