import { describe, expect, it } from 'vitest';
import { detectCsvFormat } from './detect-csv-format';

const split = (header: string) => header.split(',');

describe('detectCsvFormat', () => {
  it('tells the exports apart by their headers', () => {
    expect(
      detectCsvFormat(
        split(
          'First Name,Middle Name,Last Name,Phonetic First Name,Labels,E-mail 1 - Label,E-mail 1 - Value',
        ),
      ),
    ).toBe('google');
    expect(
      detectCsvFormat(
        split(
          'Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value',
        ),
      ),
    ).toBe('google-legacy');
    expect(
      detectCsvFormat(
        split('Title,First Name,Last Name,E-mail Address,E-mail Type,E-mail Display Name,Categories'),
      ),
    ).toBe('outlook');
    expect(
      detectCsvFormat(
        split('First Name,Last Name,Given Yomi,Surname Yomi,E-mail Address,IMAddress,Job Title'),
      ),
    ).toBe('outlook-com');
    expect(
      detectCsvFormat(
        split(
          'First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,E-mail Address,Home Address,Categories',
        ),
      ),
    ).toBe('google-outlook');
    expect(
      detectCsvFormat(
        split('First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,'),
      ),
    ).toBe('thunderbird');
    expect(
      detectCsvFormat(split('First Name,Last Name,URL,Email Address,Company,Position,Connected On')),
    ).toBe('linkedin-connections');
    expect(detectCsvFormat(split('Vorname,Surname,Mail'))).toBe('generic');
  });
  it('reads localised Outlook headers (German, French) and ignores case and spaces', () => {
    expect(detectCsvFormat(['Anrede', 'Vorname', 'Nachname', 'E-Mail-Adresse', 'E-Mail-Typ'])).toBe(
      'outlook',
    );
    expect(detectCsvFormat(['Titre', 'Prénom', 'Nom', 'Adresse de messagerie', 'Type de messagerie'])).toBe(
      'outlook',
    );
    expect(detectCsvFormat([' first name ', 'LAST NAME', 'e-mail address', 'e-mail type'])).toBe('outlook');
  });
  it("prefers Google over LinkedIn when Rapport's own Google export carries a Connected On column", () => {
    expect(detectCsvFormat(split('First Name,Last Name,File As,Labels,Connected On'))).toBe('google');
  });
});
