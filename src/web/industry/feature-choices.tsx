import { SERVICE_FEATURES } from '../../engine';
import type { ServiceFeature } from '../../engine';
import { featureHint, featureLabel } from './labels';
import { nt } from './strings';

/**
 * The service's features as checkboxes, each with what it means: the service profile and
 * practice mode both ask them, and they decide which questions the assessment asks. `id` names
 * the hint (`<id>-hint`) the fieldset is described by; the list keeps the engine's order.
 */
export function FeatureChoices(props: {
  id: string;
  class: string;
  features: readonly ServiceFeature[];
  onChange(next: ServiceFeature[]): void;
}) {
  const hint = `${props.id}-hint`;
  return (
    <fieldset class={props.class} aria-describedby={hint}>
      <legend>{nt('industry.service.features')}</legend>
      <p class="field-hint" id={hint}>
        {nt('industry.service.featuresHint')}
      </p>
      <div class="feature-choices">
        {SERVICE_FEATURES.map((f) => (
          <label class="check" key={f}>
            <input
              type="checkbox"
              checked={props.features.includes(f)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                props.onChange(
                  SERVICE_FEATURES.filter((x) => (x === f ? on : props.features.includes(x))),
                );
              }}
            />
            <span>
              <span class="strong">{featureLabel(f)}</span>
              <span class="radio-hint">{featureHint(f)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
