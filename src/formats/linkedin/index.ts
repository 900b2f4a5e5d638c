/**
 * LinkedIn data export: the zip, Connections, messages, invitations, the owner's profile and the address books the
 * owner uploaded (see FORMATS.md §1).
 */
export { describeMessageDirection, type MessageDirection } from './describe-message-direction';
export { type InferOwnerOptions, inferOwnerProfileUrl } from './infer-owner-profile-url';
export { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
export {
  type ConnectionsParseResult,
  type ParseConnectionsOptions,
  parseConnections,
} from './parse-connections';
export { type ParseImportedContactsOptions, parseImportedContacts } from './parse-imported-contacts';
export { type LinkedinInvitation, type ParseInvitationsOptions, parseInvitations } from './parse-invitations';
export { parseConnectedOn, parseMessageDate, parseMonthYear, parseUsDateTime } from './parse-linkedin-dates';
export {
  type LinkedinMessage,
  type ParseMessagesOptions,
  parseMessages,
  splitRecipientNames,
} from './parse-messages';
export {
  type LinkedinPosition,
  type LinkedinProfile,
  type LinkedinProfileFiles,
  parsePositions,
  parseProfile,
} from './parse-profile';
export {
  classifyLinkedinFileName,
  type LinkedinEntryKind,
  type LinkedinExportEntry,
  type LinkedinExportFiles,
  type LinkedinExportInput,
  NO_EXPORT_FILES,
  type ReadLinkedinExportResult,
  readLinkedinExport,
} from './read-linkedin-export';
export { repairMojibake } from './repair-mojibake';
