/** vCard 2.1/3.0/4.0 import and 3.0/4.0 export (see FORMATS.md §3). */
export {
  decodeQuotedPrintable,
  type NormalisedVCard,
  type NormaliseWarning,
  normaliseVCard,
  normaliseVCardText,
  type RawVCard,
  splitVCardStream,
  splitVCards,
  VCardByteSplitter,
  type VCardSplitItem,
  VCardTextSplitter,
} from './normalise-vcard';
export {
  parseVCardCard,
  parseVCardEvents,
  parseVCardStream,
  parseVCards,
  type VCardParseEvent,
  type VCardParseOptions,
} from './parse-vcard';
export {
  DEFAULT_PRODID,
  iterateVCards,
  serializeVCard,
  serializeVCards,
  streamVCards,
  type VCardSerializeOptions,
  type VCardVersion,
  withoutMadeUpName,
} from './serialize-vcard';
