import type { Generated } from 'kysely';

/**
 * The Kysely view of every table. Each issue that adds tables adds its interfaces here and a
 * migration under `migrations/`.
 */
export interface Database {
  kite_meta: KiteMetaTable;
  kite_rate_limit: KiteRateLimitTable;
  kite_user: KiteUserTable;
  kite_session: KiteSessionTable;
  kite_recovery_code: KiteRecoveryCodeTable;
  kite_token: KiteTokenTable;
  kite_audit: KiteAuditTable;
  kite_job: KiteJobTable;
  kite_school: KiteSchoolTable;
  kite_class: KiteClassTable;
  kite_learner: KiteLearnerTable;
  kite_device_credential: KiteDeviceCredentialTable;
  kite_learner_event: KiteLearnerEventTable;
  kite_learner_tombstone: KiteLearnerTombstoneTable;
  kite_assignment: KiteAssignmentTable;
  kite_family_link: KiteFamilyLinkTable;
  kite_feedback: KiteFeedbackTable;
  kite_industry_service: KiteIndustryServiceTable;
  kite_industry_assessment: KiteIndustryAssessmentTable;
  kite_industry_answer: KiteIndustryAnswerTable;
  kite_industry_evidence: KiteIndustryEvidenceTable;
  kite_industry_comment: KiteIndustryCommentTable;
  kite_industry_deadline: KiteIndustryDeadlineTable;
  kite_industry_extension: KiteIndustryExtensionTable;
  kite_industry_action: KiteIndustryActionTable;
  kite_industry_publication: KiteIndustryPublicationTable;
  kite_deployment_settings: KiteDeploymentSettingsTable;
  kite_deployment_change: KiteDeploymentChangeTable;
  kite_region: KiteRegionTable;
  kite_district: KiteDistrictTable;
  kite_nation_release: KiteNationReleaseTable;
  kite_nation_release_table: KiteNationReleaseTableTable;
  kite_hub: KiteHubTable;
  kite_hub_upstream: KiteHubUpstreamTable;
  kite_hub_instance: KiteHubInstanceTable;
  kite_record_clock: KiteRecordClockTable;
  kite_record: KiteRecordTable;
  kite_record_field: KiteRecordFieldTable;
}

/** Small key/value facts about this installation (e.g. when it was first set up). */
export interface KiteMetaTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

/** One rate-limit bucket: hits counted until `reset_at` (epoch ms). See rate-limit.ts. */
export interface KiteRateLimitTable {
  bucket: string;
  hits: number;
  /** A bigint: PostgreSQL's driver reads it back as a string. */
  reset_at: number | string;
}

/** A timestamp column: ISO text on SQLite; PostgreSQL's driver reads `timestamptz` as a Date. */
export type Timestamp = string | Date;

export type Role = 'admin' | 'coordinator' | 'teacher' | 'parent' | 'company';
export type UserStatus = 'unverified' | 'pending_approval' | 'active' | 'disabled';
export type SessionStage = 'mfa' | 'enrol' | 'full';
export type TokenKind = 'verify_email' | 'reset_password' | 'invite' | 'setup';

/** An adult's account. See docs/privacy/data-inventory.yaml for each column's purpose. */
export interface KiteUserTable {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  status: UserStatus;
  password_hash: string;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_enabled_at: Timestamp | null;
  /** The TOTP time step last accepted, so a code is used once. A bigint (string on PG). */
  mfa_last_step: number | string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_active_at: Timestamp;
  invited_by: string | null;
}

/** A signed-in browser. The cookie holds the token; only its SHA-256 is stored. */
export interface KiteSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: SessionStage;
  device: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface KiteRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

/** A one-time token sent by mail or printed once (only its SHA-256 is stored). */
export interface KiteTokenTable {
  token_hash: string;
  kind: TokenKind;
  user_id: string | null;
  email: string | null;
  role: Role | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A security event. `detail` never holds a secret. */
export interface KiteAuditTable {
  id: string;
  at: Timestamp;
  event: string;
  outcome: 'ok' | 'fail';
  actor_id: string | null;
  subject_id: string | null;
  detail: string | null;
}

/** One background job and its lease (see db/job-leases.ts and server/jobs/runner.ts). */
export interface KiteJobTable {
  name: string;
  /** The process holding the lease, or null when none does. */
  lease_owner: string | null;
  lease_until: Timestamp | null;
  /** The job is due once this time has come. */
  next_run_at: Timestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_outcome: 'ok' | 'fail' | null;
  /** A short message without personal data; null after a success. */
  last_error: string | null;
}

/** A school (docs/classes.md), with its agreement for educational use once recorded (PRIV-16). */
export interface KiteSchoolTable {
  id: string;
  name: string;
  created_by: string | null;
  created_at: Timestamp;
  agreed_by: string | null;
  agreed_at: Timestamp | null;
  agreement_notice: string | null;
  agreement_recorded_by: string | null;
  /** The district it belongs to (docs/national.md); null: unassigned. */
  district_id: string | null;
}

/** A class of one teacher in one school. `code` is what children type to sign in. */
export interface KiteClassTable {
  id: string;
  school_id: string;
  teacher_id: string;
  name: string;
  band: string;
  lang: string;
  code: string;
  created_at: Timestamp;
}

/** A child the server knows: of a class, or made by a parent. Nickname only (docs/classes.md). */
export interface KiteLearnerTable {
  id: string;
  class_id: string | null;
  parent_id: string | null;
  nickname: string;
  avatar: string;
  band: string;
  lang: string;
  /** The picture password: three avatar ids joined by spaces; null for a parent's child. */
  pictures: string | null;
  /** Raised by one at each erasure of progress; devices behind it must drop their copy. */
  epoch: number;
  consent_by: string | null;
  consent_at: Timestamp | null;
  consent_notice: string | null;
  created_at: Timestamp;
  last_active_at: Timestamp;
}

/** A signed-in device of a child: only the SHA-256 of its token is kept. */
export interface KiteDeviceCredentialTable {
  token_hash: string;
  learner_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** One answer of a child, as the device recorded it (the engine's ProgressEvent, as JSON). */
export interface KiteLearnerEventTable {
  n: Generated<number | string>;
  id: string;
  learner_id: string;
  device: string;
  seq: number;
  activity: string;
  /** Device time in ms (bigint: PostgreSQL's driver reads it back as a string). */
  at: number | string;
  /** JSON text on SQLite; PostgreSQL's driver reads jsonb back as an object. */
  event: string | Record<string, unknown>;
  received_at: Timestamp;
  /** On the national server: the hub that uploaded the event; null when a device synced it. */
  hub_id: string | null;
}

/** A learner erased for good: no device or hub may bring their events back. */
export interface KiteLearnerTombstoneTable {
  learner_id: string;
  erased_at: Timestamp;
}

/** An activity assigned to a class, with an optional date only teachers see. */
export interface KiteAssignmentTable {
  id: string;
  class_id: string;
  activity: string;
  due: string | null;
  created_at: Timestamp;
}

/** A parent's link to a class child: active once the child confirmed and the teacher approved. */
export interface KiteFamilyLinkTable {
  id: string;
  parent_id: string;
  learner_id: string;
  child_confirmed_at: Timestamp | null;
  teacher_approved_at: Timestamp | null;
  consent_notice: string;
  created_at: Timestamp;
}

/**
 * A child's anonymous answer to "how was this activity?" (COURSE-2): nothing names a child, a
 * device or an address. `id` is the random id the device made for this one answer.
 */
export interface KiteFeedbackTable {
  id: string;
  activity: string;
  activity_version: number;
  band: string;
  lang: string;
  answer: string;
  /** `YYYY-MM-DD`. */
  day: string;
}

// ---- industry self-assessment (issue #16, docs/industry.md) --------------------------------

/** A company's service, with the profile that switches question modules on and off. */
export interface KiteIndustryServiceTable {
  id: string;
  owner_id: string;
  name: string;
  type: string;
  /** JSON text: an array of the engine's SERVICE_FEATURES. */
  features: string;
  child_share: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One assessment of a service against one framework version, and where the dialogue is. */
export interface KiteIndustryAssessmentTable {
  id: string;
  service_id: string;
  owner_id: string;
  /** `<id>@v<version>`. */
  framework: string;
  /** JSON text: the service's features when the assessment was made. */
  profile: string;
  state: string;
  previous_id: string | null;
  reviewer_id: string | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  feedback_letter: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A company's answer to one question: a level 0–4, or null (N/A) with a reason. */
export interface KiteIndustryAnswerTable {
  assessment_id: string;
  question: string;
  level: number | null;
  na_reason: string | null;
  narrative: string | null;
  confidentiality: Generated<string>;
  author_id: string | null;
  updated_at: Timestamp;
}

/** An evidence document's facts; its bytes are the file `<dataDir>/evidence/<id>`. */
export interface KiteIndustryEvidenceTable {
  id: string;
  assessment_id: string;
  question: string;
  file_name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  expires_at: Timestamp;
}

/** A comment on one question: seen by the company (`company`) or coordinators only (`internal`). */
export interface KiteIndustryCommentTable {
  id: string;
  assessment_id: string;
  question: string;
  parent_id: string | null;
  author_id: string | null;
  visibility: string;
  body: string;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
}

/** A deadline of the dialogue: a clarification the company owes, or the coordinator's review. */
export interface KiteIndustryDeadlineTable {
  id: string;
  assessment_id: string;
  kind: string;
  question: string | null;
  due_at: Timestamp;
  reminded_14_at: Timestamp | null;
  reminded_3_at: Timestamp | null;
  overdue_at: Timestamp | null;
  met_at: Timestamp | null;
  created_at: Timestamp;
}

/** A company's request to move a deadline, and the coordinator's decision. */
export interface KiteIndustryExtensionTable {
  id: string;
  deadline_id: string;
  requested_by: string | null;
  reason: string;
  old_due: Timestamp;
  new_due: Timestamp;
  decision: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

/** One line of the action plan: who (a role or team) does what by when, for one gap. */
export interface KiteIndustryActionTable {
  assessment_id: string;
  question: string;
  owner: string;
  /** `YYYY-MM-DD`. */
  due: string;
  status: string;
  updated_at: Timestamp;
}

/** A proposal to name a company on the public register (IND-19), and what became of it. */
export interface KiteIndustryPublicationTable {
  id: string;
  assessment_id: string;
  /** `proposed`, `published` or `withdrawn`. */
  state: string;
  /** JSON text of what the register shows, frozen when proposed. */
  content: string;
  proposed_by: string | null;
  proposed_at: Timestamp;
  /** The end of the company's 15 days to read it; publishing waits for it or for consent. */
  window_ends_at: Timestamp;
  notified_at: Timestamp | null;
  consented_at: Timestamp | null;
  objection: string | null;
  objected_at: Timestamp | null;
  published_by: string | null;
  published_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
}

/** The deployment settings set over the environment (one row, `current`; docs/national.md). */
export interface KiteDeploymentSettingsTable {
  id: string;
  /** Raised by one at every change; a change names the version it was made on. */
  version: number;
  /** JSON text of the settings set here. */
  settings: string;
  updated_at: Timestamp;
}

/** One change to the settings or the places: who, when and what, as values. */
export interface KiteDeploymentChangeTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  object_id: string | null;
  settings_version: number | null;
  /** JSON text: `{ field: { from, to } }`. */
  detail: string;
}

/** A region of the deployment (a place name). */
export interface KiteRegionTable {
  id: string;
  name: string;
  created_at: Timestamp;
  archived_at: Timestamp | null;
}

/** A district of a region (a place name); schools belong to one. */
export interface KiteDistrictTable {
  id: string;
  region_id: string;
  name: string;
  created_at: Timestamp;
  archived_at: Timestamp | null;
}

/** A term's national release (docs/national.md): built once, never recomputed. Aggregates only. */
export interface KiteNationReleaseTable {
  term: string;
  /** `YYYY-MM-DD`, the term's first day. */
  term_from: string;
  /** `YYYY-MM-DD`, its last day (included). */
  term_to: string;
  built_at: Timestamp;
  /** The coordinator or admin who built it; null once their account is deleted. */
  built_by: string | null;
  /** JSON text: the areas as named when it was built (`ReleaseArea[]`). */
  areas: string;
}

/** One published table of a release (JSON text of the engine's `PublishedTable`). */
export interface KiteNationReleaseTableTable {
  term: string;
  table_id: string;
  /** The table's place in the release (tables are sorted by id). */
  position: number;
  body: string;
}

/** A school hub the national server accepts uploads from (migration 0013, docs/deploy.md). */
export interface KiteHubTable {
  id: string;
  school_id: string;
  /** SHA-256 of the hub's credential (`kite hub add` prints the credential once). */
  token_hash: string;
  /** The hub's sequence up to which every event is stored here; bigint as text on PostgreSQL. */
  high_water: number | string;
  /** Events the hub reported still to send. */
  backlog: number | string | null;
  last_sync_at: Timestamp | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** On a hub: what its upstream server acknowledged (one row per hub id, normally one). */
export interface KiteHubUpstreamTable {
  hub_id: string;
  acked: number | string;
  backlog: number | string | null;
  last_sync_at: Timestamp | null;
  /** The last failure, one short line without personal data; null after a success. */
  last_error: string | null;
  /** This database's instance id (SCALE-06): made when first used, made again on a copy. */
  instance_id: string | null;
  /** Where the instance id was made: the database file's `device:inode`. */
  fingerprint: string | null;
  /** The hub sequence up to which acknowledged events were purged (KITE_HUB_KEEP_DAYS). */
  purged_through: Generated<number | string>;
  /** The latest of this hub's erasures (tombstones) the server acknowledged; null for none. */
  erasures_acked_at: Timestamp | null;
  /** The server's change number up to which this hub has its shared records' changes. */
  records_pulled: Generated<number | string>;
  /** This hub's change number up to which the server took its shared records' changes. */
  records_pushed: Generated<number | string>;
}

/** On the national server: one upload stream per instance of a hub's database (SCALE-06). */
export interface KiteHubInstanceTable {
  hub_id: string;
  instance_id: string;
  /** The instance's sequence up to which every event is stored here; bigint as text on PG. */
  high_water: number | string;
  backlog: number | string | null;
  /** Events its uploads stored here. */
  stored: Generated<number | string>;
  first_seen_at: Timestamp;
  last_sync_at: Timestamp | null;
}

/**
 * This node's clock for shared records (one row, `local`; src/server/records/): its node id,
 * the last hybrid logical clock reading it made or saw, and the last change number it gave.
 */
export interface KiteRecordClockTable {
  id: string;
  node: string;
  wall: number | string;
  counter: number;
  seq: number | string;
}

/** A record shared by a school hub and the national server, and its latest change here. */
export interface KiteRecordTable {
  /** `class`, `learner` or `assignment`. */
  kind: string;
  /** A class's or child's id; an assignment's class id, a space and the activity. */
  record_id: string;
  school_id: string;
  seq: number | string;
}

/** One field of a shared record: its value (JSON) and the clock reading of its last write. */
export interface KiteRecordFieldTable {
  kind: string;
  record_id: string;
  field: string;
  value: string;
  wall: number | string;
  counter: number;
  node: string;
}
