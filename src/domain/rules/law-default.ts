import { ASYLUM_RULES } from './law-default-asylum';
import { BENEFIT_RULES } from './law-default-benefits';
import { BSK_MODULES, COURSE_RULES, INTEGRATION_COURSE_TYPES } from './law-default-courses';
import { EMPLOYMENT_RULES } from './law-default-employment';
import type { LawData } from './law-schema';

const SAFE_2015 = '§29a AsylG, Anlage II; §61 Abs. 2 S. 4 AsylG (Antrag nach dem 31.08.2015)';
const SAFE_2023 = '§29a AsylG, Anlage II (Gesetz vom 19.12.2023); §87d AsylG (Antrag nach dem 30.08.2023)';

/**
 * The dataset shipped with Lotse. An administrator stores an edited copy (validated by
 * `lawDataSchema`) and passes it to `evaluate`; this one is only the default.
 */
export const DEFAULT_LAW: LawData = {
  version: '2026-12-03',
  coverageFrom: '2014-11-11',
  rules: [...EMPLOYMENT_RULES, ...ASYLUM_RULES, ...BENEFIT_RULES, ...COURSE_RULES],
  safeCountries: [
    // Listed before the 2015 ban existed; the ban itself starts with its rule (24.10.2015).
    {
      country: 'GH',
      listedFrom: '1993-07-01',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'SN',
      listedFrom: '1993-07-01',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'BA',
      listedFrom: '2014-11-06',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'MK',
      listedFrom: '2014-11-06',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'RS',
      listedFrom: '2014-11-06',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'AL',
      listedFrom: '2015-10-24',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'XK',
      listedFrom: '2015-10-24',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'ME',
      listedFrom: '2015-10-24',
      listedTo: null,
      applicationAfter: '2015-08-31',
      basis: SAFE_2015,
    },
    {
      country: 'GE',
      listedFrom: '2023-12-23',
      listedTo: null,
      applicationAfter: '2023-08-30',
      toleratedOn: '2023-08-30',
      basis: SAFE_2023,
    },
    {
      country: 'MD',
      listedFrom: '2023-12-23',
      listedTo: null,
      applicationAfter: '2023-08-30',
      toleratedOn: '2023-08-30',
      basis: SAFE_2023,
    },
  ],
  // The BAMF "gute Bleibeperspektive" list changed over time; periods not verified are marked
  // certain: false and answer "review". Known: 2016 list SY, IQ, IR, ER, SO (DOMAIN.md); Somalia
  // again from 01.03.2021; Iraq and Iran not listed in 2021 (review of issue 11). Keep it current by editing.
  goodProspectCountries: [
    { country: 'SY', from: '2015-10-24', to: '2022-12-30' },
    { country: 'ER', from: '2015-10-24', to: '2022-12-30' },
    { country: 'IQ', from: '2015-10-24', to: '2016-12-31' },
    { country: 'IQ', from: '2017-01-01', to: '2020-12-31', certain: false },
    { country: 'IR', from: '2015-10-24', to: '2016-12-31' },
    { country: 'IR', from: '2017-01-01', to: '2020-12-31', certain: false },
    { country: 'SO', from: '2015-10-24', to: '2021-02-28', certain: false },
    { country: 'SO', from: '2021-03-01', to: '2022-12-30' },
  ],
  // Free movement (EU, EEA, Switzerland) on the data horizon; the United Kingdom until the end of the
  // Brexit transition period. A Duldung or Gestattung for these nationals is a contradiction.
  freeMovementCountries: [
    ...'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH'
      .split(' ')
      .map((country) => ({ country, from: '2014-11-11', to: null })),
    { country: 'GB', from: '2014-11-11', to: '2020-12-31' },
  ],
  integrationCourseTypes: INTEGRATION_COURSE_TYPES,
  bskModules: BSK_MODULES,
};
