// The API answers the web app uses, as the server's zod schemas declare them (z.infer of the response
// schemas): one contract for the wire, nothing copied. `wire-contract.test.ts` fails on a hand-made copy.
import type { z } from 'zod';
import type { personTrail, personTrailItem } from '../../server/modules/audit/schema';
import type { loginOut, UserOut } from '../../server/modules/auth/schema';
import type { AgencyOut, MunicipalityOut } from '../../server/modules/meta/schema';
import type {
  PersonOut,
  personList,
  personListItem,
  residenceStatusOut,
} from '../../server/modules/persons/schema';
import type { UserRow } from '../../server/modules/users/schema';

export {
  CASE_STATUSES,
  type CaseStatus,
  RECHTSKREISE,
  type Rechtskreis,
} from '../../server/modules/persons/schema';

export type SessionUser = UserOut;
export type SessionAnswer = z.infer<typeof loginOut>;

export type PersonListItem = z.infer<typeof personListItem>;
export type PersonList = z.infer<typeof personList>;
export type ResidenceStatus = z.infer<typeof residenceStatusOut>;
export type Person = PersonOut;
export type HouseholdMember = NonNullable<PersonOut['household']>[number];

export type AuditEntry = z.infer<typeof personTrailItem>;
export type AuditTrail = z.infer<typeof personTrail>;
export type AdminUser = UserRow;
export type Agency = AgencyOut;
export type Municipality = MunicipalityOut;
