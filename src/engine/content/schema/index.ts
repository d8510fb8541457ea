export { activitySchema, scene as sceneSchema } from './activity';
export { answer as answerSchema } from './answers';
export { countrySchema } from './country';
export { courseSchema } from './course';
export { frameworkSchema } from './framework';
export { industryPublishedSchema, industrySchema } from './industry';
export { eventSchema } from './event';
export { learnerEventSchema, measureEventSchema } from './measure-event';
export { interactionSchema } from './interaction';
export { localeSchema } from './locale';
export { measurementSchema } from './measurement';
export { challengeSchema, guideSchema, packSchema } from './pack';
export { topicsSchema } from './topics';
export { nicknamesSchema } from './nicknames';

import { activitySchema } from './activity';
import { countrySchema } from './country';
import { courseSchema } from './course';
import { frameworkSchema } from './framework';
import { industrySchema } from './industry';
import { localeSchema } from './locale';
import { measurementSchema } from './measurement';
import { challengeSchema, guideSchema, packSchema } from './pack';
import { topicsSchema } from './topics';
import { nicknamesSchema } from './nicknames';

/** The schemas exported as JSON Schema files for authors' editors (`content/schema/`). */
export const FILE_SCHEMAS = {
  activity: activitySchema,
  topics: topicsSchema,
  pack: packSchema,
  guide: guideSchema,
  challenge: challengeSchema,
  course: courseSchema,
  measurement: measurementSchema,
  country: countrySchema,
  framework: frameworkSchema,
  industry: industrySchema,
  locale: localeSchema,
  nicknames: nicknamesSchema,
} as const;
