import { useState } from 'preact/hooks';
import { industryApi, industryFiles } from './api';
import type { Evidence } from './api';
import { codeOf, problemMessage } from './problems';
import { nt, when } from './strings';

/** What the file picker offers: documents (PDF and office files), never images. */
const ACCEPT = [
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  'application/pdf',
].join(',');

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|heic|heif|bmp|tiff?|svg|avif)$/i;

/** Whether a chosen file is an image: refused here, before a byte of it leaves the device. */
export const looksLikeImage = (file: File): boolean =>
  file.type.startsWith('image/') || IMAGE_NAME.test(file.name);

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? nt('industry.evidence.kb', { n: Math.max(1, Math.round(bytes / 1024)) })
    : nt('industry.evidence.mb', { n: Math.round((bytes / 1024 / 1024) * 10) / 10 });

/**
 * A question's documents (IND-05): the list (each a download for the company and the assigned
 * reviewer), and while the answer can change, a picker that says plainly it takes documents only
 * and why. An image is refused in the browser, so it is never sent; the server checks the file's
 * signature anyway.
 */
export function EvidenceBlock(props: {
  assessmentId: string;
  question: string;
  documents: readonly Evidence[];
  canUpload: boolean;
  canRemove: boolean;
  onChange: () => Promise<void>;
}) {
  const base = `ev-${props.question}`;
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus('');
    setProblem(null);
    if (looksLikeImage(file)) {
      setProblem(nt('industry.error.image'));
      input.value = '';
      return;
    }
    setBusy(true);
    try {
      await industryApi.upload(props.assessmentId, props.question, file);
      setStatus(nt('industry.evidence.added', { name: file.name }));
      await props.onChange();
    } catch (error) {
      const code = codeOf(error);
      setProblem(
        code === 'evidence-type-refused'
          ? `${problemMessage(error)} ${nt('industry.evidence.documentsOnly')}`
          : problemMessage(error),
      );
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  const remove = async (doc: Evidence) => {
    setProblem(null);
    try {
      await industryApi.removeEvidence(doc.id);
      setStatus(nt('industry.evidence.removed', { name: doc.fileName }));
      await props.onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };

  return (
    <div class="evidence">
      <h4 id={`${base}-title`}>{nt('industry.evidence.title')}</h4>
      {props.documents.length === 0 ? (
        <p class="field-hint">{nt('industry.evidence.none')}</p>
      ) : (
        <ul class="evidence-list" aria-labelledby={`${base}-title`}>
          {props.documents.map((d) => (
            <li key={d.id}>
              <a href={industryFiles.evidence(d.id)} download={d.fileName}>
                {d.fileName}
              </a>{' '}
              <span class="field-hint">
                {nt('industry.evidence.meta', { size: size(d.bytes), date: when(d.uploadedAt) })}
              </span>
              {props.canRemove && (
                <button
                  type="button"
                  class="secondary small-button"
                  onClick={() => void remove(d)}
                  aria-label={nt('industry.evidence.removeNamed', { name: d.fileName })}
                >
                  {nt('industry.evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canUpload && (
        <div class={`field upload${problem ? ' invalid' : ''}`}>
          <label for={`${base}-file`}>{nt('industry.evidence.attach')}</label>
          <p class="field-hint" id={`${base}-hint`}>
            {nt('industry.evidence.documentsOnly')} {nt('industry.evidence.why')}
          </p>
          {problem && (
            <p class="field-error" id={`${base}-error`} role="alert">
              <span class="visually-hidden">{nt('industry.form.errorPrefix')} </span>
              {problem}
            </p>
          )}
          <input
            type="file"
            id={`${base}-file`}
            accept={ACCEPT}
            disabled={busy}
            aria-describedby={`${base}-hint${problem ? ` ${base}-error` : ''}`}
            onChange={(e) => void choose(e.currentTarget)}
          />
        </div>
      )}
      <p class="saved" role="status">
        {busy ? nt('industry.evidence.uploading') : status}
      </p>
    </div>
  );
}
