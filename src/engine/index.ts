// The engine's public surface for the app shell and the server: play, rules, text, learner
// model and progress. It imports no schema library; content checking (zod) lives behind
// `src/engine/content/index.ts`, for the server and the CLI.

export * from './ids';
export type { Text, Media, Band, Level, Safety } from './types/text';
export { BANDS, LEVELS, SAFETY, bandIndex, levelIndex } from './types/text';
export type { Outcome, AnswerGroup, Solution, Next } from './types/outcome';
export { END } from './types/outcome';
export type { Activity, Scene, Sensitive } from './types/activity';
export type * from './types/worksheet';
export type * from './types/catalogue';
export { RISKS, CROSS_CUTTING } from './types/catalogue';
export type * from './types/country';
export type * from './types/course';
export type {
  Answer,
  Interaction,
  InteractionOf,
  InteractionType,
  InteractionTypes,
  Rule,
} from './types/interaction';
export { INTERACTION_TYPES, isGraded } from './types/interaction';

export type * from './interactions/choice';
export type * from './interactions/sort';
export type * from './interactions/chat';
export type * from './interactions/inbox';
export type * from './interactions/settings';
export type * from './interactions/hotspot';
export type * from './interactions/sequence';
export type * from './interactions/feed';
export type * from './interactions/continue';
export type {
  PasswordAnswer,
  PasswordArgs,
  PasswordFlag,
  PasswordRule,
  PasswordTile,
} from './interactions/password';
export { PASSWORD_FLAGS } from './interactions/password';
export { ME } from './interactions/chat';
export { settingValues } from './interactions/settings';
export { classify, isValidAnswer, ruleMatches, sampleAnswers } from './interactions/registry';

export type { PlayState, Step, HelpState, Ending } from './play/state';
export { startActivity, sceneOf, pathKey } from './play/state';
export type { PlayResult, PlayRejection } from './play/play';
export { play } from './play/play';
export type { VisibleHelp } from './play/help';
export { requestHelp, visibleHelp } from './play/help';
export type { PathOption } from './play/whatif';
export { rewind, pathsFromHere } from './play/whatif';
export type { Checkpoint, ResumeMode } from './play/checkpoint';
export { checkpointHere, makeCheckpoint, resumeCheckpoint } from './play/checkpoint';
export { keptOnRetry } from './play/retry';

export type { Placeholder, TextPart, ParsedText } from './text/placeholders';
export { parseText, placeholderTokens } from './text/placeholders';
export type { Translate } from './text/render';
export { renderText, sourceText } from './text/render';
export { sourceHash } from './text/hash';

export type { EloParams, SkillEstimate } from './learner/elo';
export { ELO_DEFAULTS, expected, answerScore, updateEstimate } from './learner/elo';
export type { LearnerModel, SkillState, ActivityProgress, ModelAnswer } from './learner/model';
export { newLearner, updateLearner, learnerFrom } from './learner/model';
export type { Mastery, ProgressionOptions } from './learner/mastery';
export {
  LEVEL_DIFFICULTY,
  START_LEVEL,
  PROGRESSION_DEFAULTS,
  itemDifficulty,
  topicMastery,
  isMastered,
  suggestedLevel,
  masteryProgress,
} from './learner/mastery';
export type { Reason } from './learner/reasons';
export { describeReason } from './learner/reasons';
export type { PlayContext, Gated, Refusal } from './safety/access';
export {
  SENSITIVE_OWN_BAND,
  canPlay,
  refusal,
  reviewedFor,
  sensitiveAllowed,
  topicOffered,
} from './safety/access';
export type { HelplineAudience } from './safety/helplines';
export { helplinesFor, isVerified, mentionedHelpline } from './safety/helplines';
export type { PersonalDataHit, PersonalDataKind } from './safety/personal-data';
export { PERSONAL_DATA_KINDS, findPersonalData, hasPersonalData } from './safety/personal-data';
export type { NicknameCheck, NicknameReason } from './safety/nickname';
export { NICKNAME_MAX, NICKNAME_REASONS, checkNickname, isSafeNickname } from './safety/nickname';
export type { Random } from './safety/suggest-nicknames';
export { suggestNicknames } from './safety/suggest-nicknames';
export type { Recommendation, RecommendOptions } from './learner/recommend';
export { recommend } from './learner/recommend';

export type { ProgressEvent, EventContext } from './progress/event';
export { eventFromPlay } from './progress/event';
export type { GetRandomValues } from './progress/event-id';
export { newId, newTimeOrderedId, UUID_V4, UUID_V7 } from './progress/event-id';
export { compareEvents, canonicalEvents } from './progress/order';
export type {
  CourseNext,
  CourseProgress,
  CourseRecord,
  CourseStep,
  ModuleStatus,
} from './progress/course';
export {
  courseProgress,
  emptyCourseRecord,
  finishedActivities,
  firstOpenStep,
  isCourseStep,
  moduleStatus,
  recordCheck,
  recordStep,
  resumeCourse,
} from './progress/course';
export type { ProgressSummary } from './progress/summary';
export { summarize } from './progress/summary';
export type { LearnerReport, MissedQuestion, TopicReport } from './progress/report';
export { learnerReport, mostMissed, starFills } from './progress/report';
export type { ProgressFold, ProgressLog } from './progress/fold';
export {
  FOLD_DEVICE,
  PROGRESS_FOLD,
  isProgressFold,
  measuresOfLog,
  splitLog,
} from './progress/fold';
export { foldProgress } from './progress/fold-make';

export type { DeploymentContent } from './library/filter';
export { withoutTopics } from './library/filter';
export type { LessonPlan } from './library/lesson-plan';
export { frameworkStrands, lessonPlan } from './library/lesson-plan';

export type { TranslationStatus } from './i18n/status';
export type { TranslationState } from './types/catalogue';
export { translationStatus, offeredLanguages, translatorFor } from './i18n/status';
export type { Coverage, LanguageCompleteness, TextTable } from './i18n/completeness';
export {
  DEFAULT_LANGUAGE_THRESHOLD,
  activityReviewed,
  activityTextIds,
  bandTextIds,
  contentTable,
  coverage,
  isCurrent,
  languageCompleteness,
} from './i18n/completeness';
export { usableMessages } from './i18n/usable-messages';
export { uiLanguages, uiTable } from './i18n/ui-table';
export type { LanguageOffer } from './i18n/offer';
export type { UiStrings } from './i18n/ui-areas';
export {
  ADULT_UI_AREAS,
  CHILD_UI_AREAS,
  UI_AREAS,
  classifyUiPath,
  parseUiContext,
  uiContext,
  uiFilePath,
} from './i18n/ui-areas';
export type { TranslationScope, TranslationUnit } from './i18n/units';
export { TRANSLATION_SCOPES, contentWhere, translationUnits } from './i18n/units';
export type { IcuParse } from './text/icu';
export { parseIcu } from './text/icu';
export {
  APP_DOCUMENTS,
  APP_ROUTES,
  isAppPath,
  isDocumentPath,
  matchRoute,
  safeReturnPath,
} from './app/routes';
export { FEEDBACK_ANSWERS, FEEDBACK_DAY, feedbackDay } from './app/feedback';
export type { FeedbackRecord } from './app/feedback';
export type { FeedbackAnswer } from './app/feedback';
export type { AppRoute } from './app/routes';
export {
  ANSWER_LEVELS,
  CHILD_SHARES,
  CONFIDENTIALITY,
  DEFAULT_TARGET,
  SERVICE_FEATURES,
  SERVICE_TYPES,
} from './industry/types';
export type {
  AnswerLevel,
  ChildShare,
  Confidentiality,
  EvidenceRule,
  IndustryAnswer,
  IndustryFramework,
  IndustryQuestion,
  IndustrySection,
  ServiceFeature,
  ServiceProfile,
  ServiceType,
} from './industry/types';
export { appliesTo, applicableQuestions, questionsMappedTo } from './industry/applicable';
export { maturityOf, scoreAssessment } from './industry/score';
export type { AssessmentScore, Gap, Maturity, SectionScore } from './industry/score';
export { answerProblem, submissionBlockers } from './industry/answers';
export type { Blocker } from './industry/answers';
export { ASSESSMENT_STATES, nextStates, transitionProblem } from './industry/dialogue';
export type { AssessmentState, DialogueActor } from './industry/dialogue';
export { assessmentChanges } from './industry/diff';
export type { AnswerChange, AnswerValue, AssessmentChanges, AssessmentSide } from './industry/diff';
export { sectorStatistics } from './industry/statistics';
export { ACTION_STATUSES, actionOverdue, assessmentRows, formatPercent } from './industry/report';
export type { ActionItem, ActionStatus, ReportCsvLabels, ReportTexts } from './industry/report';
export { guardCell, toCsv } from './industry/csv';
export {
  PUBLICATION_STATES,
  PUBLICATION_WINDOW_DAYS,
  publicationContent,
  publicationWindowEnd,
  publishProblem,
} from './industry/publication';
export type {
  PublicationContent,
  PublicationRecord,
  PublicationSource,
  PublicationState,
  PublicationStatus,
  PublishProblem,
  RegisterEntry,
  RegisterTexts,
} from './industry/publication';
export type {
  FrameworkStatistics,
  LevelCounts,
  SectorStatistics,
  StatisticsCell,
  StatisticsEntry,
  YearStatistics,
} from './industry/statistics';

export { AREA_LEVELS, GAIN_MEASURES, ITEM_FLAGS, TABLE_KINDS, TOTAL } from './nation/types';
export type {
  AreaLevel,
  GainMeasure,
  ItemFlag,
  Geography,
  PairSums,
  PublishedCell,
  PublishedRelease,
  PublishedTable,
  ReleaseInput,
  SchoolCell,
  Shown,
  ShownGain,
  ShownStatistic,
  TableInput,
  TableKind,
} from './nation/types';
export {
  ITEM_P_HIGH,
  ITEM_P_LOW,
  ITEM_R_LOW,
  MIN_CHILDREN,
  MIN_PAIRS,
  MIN_RELIABILITY_CHILDREN,
  MIN_SCHOOLS,
  MIN_STATISTIC_CHILDREN,
  PERCENT_EDGE,
  RELIABLE_PAIRS,
  ROUNDING_BASE,
} from './nation/policy';
export { KIND_RULES } from './nation/kinds';
export type { KindRules, StatisticKind } from './nation/kinds';
export {
  correlation,
  correlationTerms,
  itemStatistics,
  itemTerms,
  kr20,
  pearson,
  reliabilityTerms,
} from './nation/statistics';
export type { Correlation, ItemStatistics } from './nation/statistics';
export { STEALTH_RULES_VERSION, stealthEvidence } from './nation/stealth';
export { RELEASE_PROBLEMS, releaseProblems } from './nation/validate';
export type { ReleaseProblem, ReleaseProblemCode } from './nation/validate';
export { publishRelease } from './nation/publish';
export type { ReleaseResult } from './nation/publish';
export { formatShown } from './nation/display';
export { layoutCsv, tableLayout } from './nation/layout';
export type { LayoutLabels, LayoutRow, ReleaseArea, TableLayout } from './nation/layout';
export { nationLayoutLabels } from './nation/labels';
export type { NationTranslate } from './nation/labels';
export { gainOf, gains, pairSums } from './nation/gains';
export type { Gain, Pair } from './nation/gains';
export { detection } from './nation/detection';
export type { Detection, DetectionCounts } from './nation/detection';
export { selectCells } from './nation/request';
export type { RequestRefusal, TableRequest } from './nation/request';
export { TERM_DAY, TERM_ID, dayStart, inWindow, termRefusal, termWindow } from './nation/term';
export type { Term, TermRefusal, TermWindow } from './nation/term';
export {
  EVIDENCE_COLUMNS,
  MISSED_USES,
  formColumn,
  itemColumn,
  missedColumn,
  termPlan,
} from './nation/term-plan';
export type {
  EvidenceColumn,
  ItemForm,
  MissedItem,
  TermPlan,
  TermPlanOptions,
} from './nation/term-plan';
export { MISSED_BELOW, learnerTerm } from './nation/learner-term';
export type { LearnerTerm } from './nation/learner-term';
export { foldTables, mergeTables, termTables } from './nation/term-tables';
export type { FoldPart, NationalPart, TermTables } from './nation/term-tables';
export { NATIONAL as NATIONAL_AREA } from './nation/areas';
export {
  FAMILIES_DISTRICT,
  PSEUDO_AREA_KEYS,
  UNASSIGNED_DISTRICT,
  UNASSIGNED_REGION,
  translateAreas,
} from './nation/pseudo-areas';
export { MAX_DRIFT_MS, compareHlc, receiveHlc, startHlc, tickHlc } from './sync/hlc';
export type { Hlc, Received } from './sync/hlc';
export { deleteRecord, mergeRecords, recordValue, writeField } from './sync/lww';
export type { FieldValue, LwwRecord, Stamped } from './sync/lww';
export type * from './types/measurement';
export { CONSTRUCTS, MEASURE_USES, SCORED_CONSTRUCTS, isScored } from './types/measurement';
export { BAND_FORMATS } from './measurement/format';
export type { BandFormat, Range } from './measurement/format';
export { MAX_DIFFICULTY_GAP, hasEstimates, meanDifficulty, measureForm } from './measurement/forms';
export { MEASURE_EVENT_KINDS, isMeasureEvent } from './measurement/events';
export type {
  MeasureAnsweredEvent,
  MeasureAssignedEvent,
  MeasureDeclinedEvent,
  MeasureEvent,
} from './measurement/events';
export { PRE_SKIP_RATE, drawPercent, drawPreSkip } from './measurement/assign';
export { checkPresentation } from './measurement/presentation';
export type { CheckPresentation } from './measurement/presentation';
export { answerFeedback } from './measurement/feedback';
export type { AnswerFeedback } from './measurement/feedback';
export { REPEAT_AFTER_MS, TRANSFER_AFTER_MS, nextCheck } from './measurement/schedule';
export type { MeasureStep, NoCheckReason, ScheduleInput } from './measurement/schedule';
export { classifyAnswer, scoreItem } from './measurement/score';
export type { Classification, ItemResult, MeasureAnswer } from './measurement/score';
export { formAnswers, scoreForm } from './measurement/form-score';
export type { ConstructScore, FormScore, ScaleScore } from './measurement/form-score';
export { answeredEvent, assignedEvent, declinedEvent, itemInteraction } from './measurement/record';
export type { MeasureEventContext } from './measurement/record';
export { bankTextIds, itemTexts, localizedBank } from './measurement/localize';
export {
  DEPLOYMENT_HELPLINE_AUDIENCES,
  DEPLOYMENT_HELPLINE_KINDS,
} from './safety/deployment-helpline';
export type { DeploymentHelpline, DeploymentHelplineAudience } from './safety/deployment-helpline';
