// Answers of the real API for component tests, checked against the server's response schemas: a fixture
// that no longer matches what the server sends fails here, not silently in a test.
import { type ConsentOut, consentOut } from '../../server/modules/consents/schema';
import { type PersonOut, personOut } from '../../server/modules/persons/schema';

export const ids = {
  person: '0191d2a0-0000-7000-8000-000000000001',
  agencyJobcenter: '0191d2a0-0000-7000-8000-0000000000b1',
  agencyIp: '0191d2a0-0000-7000-8000-0000000000b2',
  municipality: '0191d2a0-0000-7000-8000-0000000000c1',
};

export function person(over: Partial<PersonOut> = {}): PersonOut {
  return personOut.parse({
    id: ids.person,
    version: 3,
    givenNames: 'Amina',
    familyName: 'Haddad',
    nameOriginal: null,
    nameVariants: [],
    gender: 'f',
    birthDate: '1990-05-14',
    birthDatePrecision: 'day',
    nationalities: ['SY'],
    caseStatus: 'intake',
    rechtskreis: 'asylblg',
    owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Frida Fachkraft' },
    ownerAgency: { id: ids.agencyIp, name: 'Integration Point' },
    municipality: 'Herford',
    visibleCategories: ['identity', 'contact', 'residence', 'household', 'language', 'profile'],
    accessBasis: 'owner',
    contact: { phone: null, email: null, address: null },
    residence: { azrNumber: null, entryDate: null, wohnsitzauflage: null, history: [] },
    ...over,
  });
}

export function consent(over: Partial<ConsentOut> = {}): ConsentOut {
  return consentOut.parse({
    id: '0191d2a0-0000-7000-8000-0000000000d1',
    purpose: 'integration',
    recipientAgency: { id: ids.agencyJobcenter, name: 'Jobcenter Herford' },
    dataCategories: ['identity'],
    givenOn: '2026-01-10',
    withdrawnOn: null,
    formLanguage: 'de',
    scanRef: null,
    active: true,
    ...over,
  });
}
