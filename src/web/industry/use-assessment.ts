import { useCallback, useEffect, useState } from 'preact/hooks';
import { language } from '../i18n/i18n';
import { industryApi } from './api';
import type { Assessment, Framework } from './api';
import { problemMessage } from './problems';

const frameworks = new Map<string, Promise<Framework>>();

/** A framework in the page's language, fetched once per page load. */
export function loadFramework(key: string): Promise<Framework> {
  const k = `${key}|${language()}`;
  let p = frameworks.get(k);
  if (!p) {
    p = industryApi.framework(key, language());
    p.catch(() => frameworks.delete(k));
    frameworks.set(k, p);
  }
  return p;
}

export type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly assessment: Assessment; readonly framework: Framework };

/** An assessment and its framework, with a way to read the assessment again after a change. */
export function useAssessment(id: string): { state: Loaded; reload: () => Promise<void> } {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const reload = useCallback(async () => {
    try {
      const assessment = await industryApi.get(id);
      const framework = await loadFramework(assessment.framework);
      setState({ kind: 'ready', assessment, framework });
    } catch (error) {
      setState({ kind: 'failed', message: problemMessage(error) });
    }
  }, [id]);
  useEffect(() => void reload(), [reload]);
  return { state, reload };
}
