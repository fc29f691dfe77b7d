// Every area's contract cases, for one Store factory: `storeContract(name, make)`
// inside a test file runs them all against the stores `make` returns (each call
// a fresh, empty, migrated store).

import { describe } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import { assignmentsContract } from './assignments.contract.js'
import { auditContract } from './audit.contract.js'
import { configContract } from './config.contract.js'
import { handoversContract } from './handovers.contract.js'
import { holidaysContract } from './holidays.contract.js'
import { leavesContract } from './leaves.contract.js'
import { shiftsContract } from './shifts.contract.js'
import { staffContract } from './staff.contract.js'
import { swapsContract } from './swaps.contract.js'
import { rotationsContract } from './rotations.contract.js'
import { transactionContract } from './transaction.contract.js'

/** Every contract, in one describe named for the implementation. Add a new area's contract here. */
export function storeContract(name: string, make: () => Store): void {
  describe(`the Store contract: ${name}`, () => {
    transactionContract(make)
    staffContract(make)
    shiftsContract(make)
    assignmentsContract(make)
    holidaysContract(make)
    configContract(make)
    leavesContract(make)
    swapsContract(make)
    auditContract(make)
    handoversContract(make)
    rotationsContract(make)
  })
}
