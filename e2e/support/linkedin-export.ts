import { zipSync } from 'fflate';

const enc = (s: string) => new TextEncoder().encode(s);
export const OWNER_URL = 'https://www.linkedin.com/in/grace-hopper-owner';

/**
 * A LinkedIn "Connections.csv" as LinkedIn writes it: a "Notes:" preamble, then the header with the URL column.
 * Line 7 is a connection who hides their profile (LinkedIn leaves the row blank but for the date).
 */
export function connectionsCsv(rows?: string[]): string {
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...(rows ?? [
      'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,"Analytical Engines, Ltd",Head of Research,07 Feb 2024',
      'Margaret,Hamilton,https://www.linkedin.com/in/margaret-hamilton,margaret@mit.example,MIT Instrumentation Lab,Director of Software Engineering,21 Jul 2025',
      ',,,,,,07 Jun 2025',
    ]),
  ].join('\r\n');
}

const MESSAGES = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS',
  `c1,,Grace Hopper,${OWNER_URL},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2026-01-05 10:00:00 UTC,,"Hi Ada, would you speak to my class?",INBOX,`,
  `c1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Grace Hopper,${OWNER_URL},2026-01-06 09:30:00 UTC,,Gladly!,INBOX,`,
  `c2,,Margaret Hamilton,https://www.linkedin.com/in/margaret-hamilton,Grace Hopper,${OWNER_URL},2026-02-01 08:00:00 UTC,Apollo,Have you seen the guidance code?,INBOX,`,
].join('\n');

const INVITATIONS = [
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  `Grace Hopper,Alan Turing,"9/27/25, 8:41 AM","Loved your paper on computable numbers",OUTGOING,${OWNER_URL},https://www.linkedin.com/in/alan-turing`,
  `Charles Babbage,Grace Hopper,"10/02/25, 1:15 PM",,INCOMING,https://www.linkedin.com/in/babbage,${OWNER_URL}`,
].join('\n');

/** An address book the owner uploaded to LinkedIn: Margaret (also a connection, same e-mail) and Katherine. */
const IMPORTED_CONTACTS = [
  'FirstName,MiddleName,LastName,MaidenName,NickName,NamePrefix,NameSuffix,Title,Emails,PhoneNumbers,CreatedAt,UpdatedAt,CountryCode,RegionCode,ThirdPartyVerified,Location',
  'Margaret,,Hamilton,,,,,,margaret@mit.example,+1 617 555 0100,"3/14/24, 9:05 AM",,us,,false,',
  'Katherine,,Johnson,,,,,,"katherine@nasa.example; kj@langley.example",,"3/14/24, 9:05 AM",,us,,false,',
].join('\n');

/**
 * A LinkedIn data export zip: Connections.csv, messages.csv and Invitations.csv, and with `addressBook` the
 * ImportedContacts.csv of an owner who uploaded their address book.
 */
export function linkedinExportZip(opts: { addressBook?: boolean } = {}): Uint8Array {
  return zipSync({
    'Connections.csv': enc(connectionsCsv()),
    'messages.csv': enc(MESSAGES),
    'Invitations.csv': enc(INVITATIONS),
    ...(opts.addressBook ? { 'ImportedContacts.csv': enc(IMPORTED_CONTACTS) } : {}),
  });
}
