/** The built-in policies (see docs/policy.md). */
export type PresetName = 'gdpr' | 'ccpa' | 'hipaa' | 'pci-dss' | 'secrets-only' | 'strict';

/** What the policy does with a finding. Only "ask" waits for the user; "block" stops the text. */
export type FindingAction =
  | "allow" | "highlight" | "ask" | "redact" | "mask" | "pseudonymize" | "synthesize" | "block";

/** Category ids a policy can give an action. */
export type CategoryId =
  | 'identifiers' | 'contact' | 'financial' | 'people' | 'locations' | 'special_categories' | 'secrets';

/** What is wrong with a policy that does not load (`PiiAirlockConfigError.kind`): stable ids. */
export type PolicyErrorKind =
  | 'syntax' | 'unknown-field' | 'unknown-value' | 'version' | 'extends' | 'unknown-entity'
  | 'unknown-category' | 'unknown-country' | 'unknown-rule' | 'unknown-validator' | 'bad-pattern'
  | 'out-of-range' | 'bad-name' | 'duplicate-rule';

/** A custom rule in a policy: an ASCII regular expression for one entity type. */
export interface CustomRuleDoc {
  id: string;
  entity: string;
  category?: CategoryId;
  pattern: string;
  /** A built-in check run on each match, e.g. "luhn". */
  validator?: string;
  score?: number;
  context?: string[];
  needsContext?: boolean;
}

/** Values (exact, normalized) and whole-value patterns that are never acted on. */
export interface ListsDoc {
  values?: string[];
  patterns?: string[];
}

/** Values and patterns always redacted, found or not. */
export interface DenyDoc {
  values?: string[];
  patterns?: string[];
}

/** When the user is asked, and what they may answer. */
export interface ConsentSettings {
  /** Actions, besides "ask", the user confirms before sending. */
  confirm?: FindingAction[];
  /** May the user send values as typed? Default true. */
  allowSendAsTyped?: boolean;
}

/** Consent receipt settings. */
export interface ReceiptSettings {
  retentionDays?: number;
}

/** How `mask` masks. */
export interface MaskSettings {
  keep?: number;
  char?: string;
}

/** How `redact` redacts. */
export interface RedactSettings {
  style?: 'fixed' | 'typed' | 'remove';
}

/** How long the vault (and the session's "always allow" answers) remember values. */
export interface VaultSettings {
  /** Minutes; 0 keeps them until forgotten. */
  ttlMinutes?: number;
}

/**
 * A policy document (format version 1; docs/policy.md). Usually `extends` a preset and
 * overrides a few actions. Unknown fields are errors that name the field's path.
 */
export interface PolicyDoc {
  version: 1;
  /** Recorded in receipts. */
  id?: string;
  /** The organisation's revision, recorded in receipts. */
  revision?: string;
  description?: string;
  /** A preset this policy starts from. */
  extends?: PresetName;
  /** For entity types no other setting names. Default "pseudonymize". */
  defaultAction?: FindingAction;
  /** Findings scored below this are dropped (0..1). */
  minScore?: number;
  /** ISO 3166 alpha-2 codes or "EU"/"EEA" whose national rules run. Default: all. */
  countries?: string[];
  /** Rule ids to leave out. */
  disabledRules?: string[];
  /** Per category. */
  categories?: Partial<Record<CategoryId, FindingAction>>;
  /** Per entity type, e.g. { EMAIL_ADDRESS: 'synthesize', URL: 'highlight' }; wins over categories. */
  actions?: Record<string, FindingAction>;
  allow?: ListsDoc;
  deny?: DenyDoc;
  customRules?: CustomRuleDoc[];
  consent?: ConsentSettings;
  receipts?: ReceiptSettings;
  mask?: MaskSettings;
  redact?: RedactSettings;
  /** Placeholders, surrogates and "always allow" answers are forgotten after this many minutes. */
  vault?: VaultSettings;
}
